package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.DELIVERY_ATTEMPT_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Processes.Run;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests waiting on the queue when the server dies ({@code kill -9}), or while it restarts, are each
 * applied and answered exactly once after it is back. After a crash, only those it was processing count
 * a failed delivery: a request the server had not started on must not come back one step nearer the
 * dead-letter queue (with prefetching consumers, every request buffered in a session would). Accounts A-0041…A-0045 and
 * B-0041…B-0045, which ConcurrentTransfersIT uses too (test classes run one after the other) and may leave nearly dry:
 * of each pair An, Bn the richer pays the other.
 */
@ExtendWith(ConservationCheck.class)
class QueuedRequestsThroughRestartsIT {

    private static final int REQUESTS = 600;
    private static final BigDecimal AMOUNT = new BigDecimal("0.01");
    /** The message-driven bean's sessions (maxSession), each holding at most the request it processes. */
    private static final int IN_HAND = 16;

    @Test
    void requestsQueuedThroughACrashAreAnsweredOnceAndCountNoFailureTheyDidNotHave() throws Exception {
        long redelivered = redeliveriesThrough("a kill -9", () -> {
            Processes.killByPidFile(Tandem.SERVER.pidFile(), Tandem.SERVER.name());
            Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();
        });

        assertThat(redelivered).as("requests answered on a redelivery: at most those the server had in hand").isLessThanOrEqualTo(IN_HAND);
    }

    /**
     * The same through a graceful restart, while the message-driven bean is busy: Payara stops the
     * application's EJB containers one by one, and no request may be lost in between ({@code EngineAdmission}).
     */
    @Test
    void requestsQueuedThroughAGracefulRestartAreAnsweredOnce() throws Exception {
        redeliveriesThrough("a graceful restart", Tandem.SERVER::restart);
    }

    interface Fault {
        void strike() throws Exception;
    }

    /**
     * Queues {@link #REQUESTS} transfers, strikes once a tenth are answered, and collects one reply per
     * request; every transfer has then been applied once.
     *
     * @return how many requests were answered on a redelivery
     */
    private static long redeliveriesThrough(String what, Fault fault) throws Exception {
        List<String> accounts = IntStream.rangeClosed(41, 45).boxed().flatMap(n -> List.of("A-00" + n, "B-00" + n).stream()).toList();
        Map<String, BigDecimal> before = Tandem.balances(accounts.toArray(String[]::new));
        Map<String, String> payee = new LinkedHashMap<>();
        for (int n = 41; n <= 45; n++) {
            String a = "A-00" + n;
            String b = "B-00" + n;
            boolean aPays = before.get(a).compareTo(before.get(b)) >= 0;
            payee.put(aPays ? a : b, aPays ? b : a);
        }
        List<String> sources = List.copyOf(payee.keySet());
        BigDecimal share = AMOUNT.multiply(BigDecimal.valueOf(REQUESTS / sources.size()));
        assertThat(sources).allSatisfy(source -> assertThat(before.get(source)).as("%s covers its share", source)
                .isGreaterThanOrEqualTo(share));
        Map<String, BigDecimal> expected = new HashMap<>(before);
        Map<UUID, Integer> attempts = new HashMap<>();

        try (JMSContext jms = Tandem.BROKER.connectionFactory().createContext()) {
            TemporaryQueue replyQueue = jms.createTemporaryQueue();
            JMSConsumer replies = jms.createConsumer(replyQueue);
            var producer = jms.createProducer().setJMSReplyTo(replyQueue);
            for (int i = 0; i < REQUESTS; i++) {
                String from = sources.get(i % sources.size());
                String to = payee.get(from);
                UUID id = UUID.randomUUID();
                producer.setProperty(GROUP_PROPERTY, from).setJMSCorrelationID(id.toString()).send(jms.createQueue(REQUEST_QUEUE),
                        "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + AMOUNT + "\",\"currency\":\"EUR\"}");
                expected.merge(from, AMOUNT.negate(), BigDecimal::add);
                expected.merge(to, AMOUNT, BigDecimal::add);
            }

            while (attempts.size() < REQUESTS / 10) {
                record(replies.receive(30_000), attempts);
            }
            fault.strike();

            for (Message reply = replies.receive(60_000); reply != null && attempts.size() < REQUESTS; reply = replies.receive(60_000)) {
                record(reply, attempts);
            }
            assertThat(replies.receive(3_000)).as("one reply per request").isNull();
        }

        assertThat(attempts).as("requests answered").hasSize(REQUESTS);
        assertThat(Tandem.balances(accounts.toArray(String[]::new))).as("every transfer applied once").isEqualTo(expected);
        long redelivered = attempts.values().stream().filter(attempt -> attempt > 1).count();
        System.out.printf("%d queued requests through %s: %d answered on a redelivery%n", REQUESTS, what, redelivered);
        return redelivered;
    }

    private static void record(Message reply, Map<UUID, Integer> attempts) throws JMSException {
        assertThat(reply).as("a reply").isNotNull();
        assertThat(reply.getStringProperty(STATUS_PROPERTY)).isEqualTo("COMPLETED");
        UUID id = UUID.fromString(reply.getJMSCorrelationID());
        assertThat(attempts.put(id, reply.getIntProperty(DELIVERY_ATTEMPT_PROPERTY))).as("an earlier reply to %s", id).isNull();
    }
}
