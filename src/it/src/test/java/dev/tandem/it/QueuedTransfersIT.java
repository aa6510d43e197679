package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.CONFLICT;
import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.ERROR_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.INVALID;
import static dev.tandem.api.jms.TransferMessaging.INVALID_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.ORIGINAL_MESSAGE_ID_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.json.TransferJson;
import dev.tandem.client.jms.Reply;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.it.Processes.Run;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request queue {@code tandem.transfers} as JMS producers see it: replies, ordering, malformed
 * input, foreign producers. Accounts A-0017..19, A-0046..49, B-0017..19, B-0046..49.
 */
@ExtendWith(ConservationCheck.class)
class QueuedTransfersIT {

    private final ConnectionFactory broker = Tandem.BROKER.connectionFactory();

    @Test
    void aThousandCrossLedgerTransfersFromFourProducersGetOneReplyEachAndAreAppliedOnce() throws Exception {
        List<String> accounts = List.of("A-0046", "A-0047", "A-0048", "A-0049", "B-0046", "B-0047", "B-0048", "B-0049");
        var before = Tandem.balances(accounts.toArray(String[]::new));
        int deadLettersBefore = depth(DEAD_LETTER_QUEUE);
        var random = new Random(4);
        List<List<TransferRequest>> batches = new ArrayList<>();
        for (int producer = 0; producer < 4; producer++) {
            var batch = new ArrayList<TransferRequest>();
            for (int i = 0; i < 250; i++) {
                String a = accounts.get(random.nextInt(4));
                String b = accounts.get(4 + random.nextInt(4));
                boolean fromA = random.nextBoolean();
                batch.add(new TransferRequest(UUID.randomUUID(), fromA ? a : b, fromA ? b : a,
                        BigDecimal.valueOf(1 + random.nextInt(5_000), 2), "EUR"));
            }
            batches.add(batch);
        }

        long started = System.nanoTime();
        List<CompletableFuture<SubmitReport>> producers = batches.stream()
                .map(batch -> CompletableFuture.supplyAsync(() -> Tandem.submit(batch, Duration.ofMinutes(5))))
                .toList();
        List<SubmitReport> reports = producers.stream().map(CompletableFuture::join).toList();
        double seconds = (System.nanoTime() - started) / 1e9;

        var expected = QueuedRuns.answeredOnce(batches, reports, before);
        System.out.printf("1000 queued transfers from 4 producers settled in %.1f s (%.0f/s): %d completed%n", seconds,
                1000 / seconds, reports.stream().mapToLong(report -> report.count("COMPLETED")).sum());
        assertThat(Tandem.balances(accounts.toArray(String[]::new))).isEqualTo(expected);
        assertThat(depth(REQUEST_QUEUE)).as("requests left on the queue").isZero();
        assertThat(depth(DEAD_LETTER_QUEUE)).as("dead letters").isEqualTo(deadLettersBefore);
    }

    @Test
    void aRequestFromTheArtemisCommandLineProducerIsProcessed() throws Exception {
        var before = Tandem.balances("A-0019", "B-0019");
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"from\":\"A-0019\",\"to\":\"B-0019\",\"amount\":\"4.25\",\"currency\":\"EUR\"}";

        Run producer = Processes.run(List.of(Tandem.artemisHome().resolve("bin/artemis").toString(), "producer",
                        "--url", Tandem.BROKER.url(), "--user", Tandem.BROKER.user(), "--password", Tandem.BROKER.password(),
                        "--destination", "queue://" + REQUEST_QUEUE, "--message-count", "1", "--message", body, "--silent"),
                Map.of(), Duration.ofMinutes(1));

        assertThat(producer.exitCode()).as(producer.output()).isZero();
        var settled = Polling.until(Duration.ofSeconds(30), () -> Tandem.json(Tandem.get("transfers/" + id)),
                transfer -> transfer.getString("status", "").equals("COMPLETED"));
        assertThat(settled.getString("mode")).isEqualTo("ASYNC");
        assertThat(Tandem.balance("A-0019")).isEqualByComparingTo(before.get("A-0019").subtract(new BigDecimal("4.25")));
        assertThat(Tandem.balance("B-0019")).isEqualByComparingTo(before.get("B-0019").add(new BigDecimal("4.25")));
    }

    @Test
    void transfersFromOneAccountAreAppliedInTheOrderTheyWereSent() throws Exception {
        String source = "A-0017";
        List<String> targets = List.of("B-0017", "B-0018", "A-0018");
        topUp(source, targets);
        var run = QueuedRuns.OrderedRun.from(source, Tandem.balance(source), targets, 40, new Random(17));

        SubmitReport report = Tandem.submit(run.transfers(), Duration.ofMinutes(2));

        assertThat(run.outcomesInOrder()).contains("COMPLETED", "REJECTED");
        assertThat(run.transfers().stream().map(request -> report.replies().get(request.id().toString()).status()).toList())
                .isEqualTo(run.outcomesInOrder());
        assertThat(Tandem.balance(source)).isEqualByComparingTo(run.balanceAfter());
    }

    @Test
    void malformedRequestsAndRejectionsAreAnsweredOnceAndNeverRedelivered() throws Exception {
        String rejectedId = UUID.randomUUID().toString();
        String reusedId = UUID.randomUUID().toString();
        String notJsonCorrelation = "not-json-" + UUID.randomUUID();
        String notTextCorrelation = "not-text-" + UUID.randomUUID();
        String firstUseCorrelation = "first-" + reusedId;
        String reuseCorrelation = "reuse-" + reusedId;
        var before = Tandem.balances("A-0018", "B-0018");
        String noTargetCorrelation;
        List<String> setAside;
        Map<String, Reply> replies = new HashMap<>();
        try (JMSContext jms = broker.createContext(); JMSContext consuming = jms.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue replyQueue = jms.createTemporaryQueue();
            JMSConsumer consumer = consuming.createConsumer(replyQueue);
            Queue requests = jms.createQueue(REQUEST_QUEUE);
            var producer = jms.createProducer().setJMSReplyTo(replyQueue);

            Message notJson = jms.createTextMessage("{\"from\": \"A-0018\", ");
            notJson.setJMSCorrelationID(notJsonCorrelation);
            // no correlation id: the reply must carry the request's message id instead
            Message noTarget = jms.createTextMessage("{\"from\":\"A-0018\",\"amount\":\"1.00\",\"currency\":\"EUR\"}");
            Message notText = jms.createBytesMessage();
            notText.setJMSCorrelationID(notTextCorrelation);
            Message tooMuch = jms.createTextMessage(json(rejectedId, "A-0018", "B-0018", "9999999.00"));
            tooMuch.setJMSCorrelationID(rejectedId);
            Message firstUse = jms.createTextMessage(json(reusedId, "A-0018", "B-0018", "1.00"));
            firstUse.setJMSCorrelationID(firstUseCorrelation);
            Message reuse = jms.createTextMessage(json(reusedId, "A-0018", "B-0018", "2.00"));
            reuse.setJMSCorrelationID(reuseCorrelation);

            producer.send(requests, firstUse);
            Reply firstReply = Reply.of(consumer.receive(30_000));
            replies.put(firstReply.correlationId(), firstReply);
            for (Message request : List.of(notJson, noTarget, notText, tooMuch, reuse)) {
                producer.send(requests, request);
            }
            noTargetCorrelation = noTarget.getJMSMessageID();
            setAside = List.of(notJson.getJMSMessageID(), noTarget.getJMSMessageID(), notText.getJMSMessageID(),
                    reuse.getJMSMessageID());

            while (replies.size() < 6) {
                Message message = consumer.receive(30_000);
                assertThat(message).as("replies so far: %s", replies.keySet()).isNotNull();
                Reply reply = Reply.of(message);
                assertThat(replies.put(reply.correlationId(), reply)).as("a second reply to " + reply.correlationId()).isNull();
            }
            assertThat(consumer.receive(3_000)).as("any further reply").isNull();
        }

        Map<String, String> expectedStatus = Map.of(notJsonCorrelation, INVALID, noTargetCorrelation, INVALID,
                notTextCorrelation, INVALID, rejectedId, "REJECTED", firstUseCorrelation, "COMPLETED", reuseCorrelation, CONFLICT);
        assertThat(replies.keySet()).containsExactlyInAnyOrderElementsOf(expectedStatus.keySet());
        expectedStatus.forEach((correlationId, status) -> {
            Reply reply = replies.get(correlationId);
            assertThat(reply.status()).as(correlationId).isEqualTo(status);
            assertThat(reply.deliveryAttempt()).as("delivery of " + correlationId).isEqualTo(1);
        });
        assertThat(replies.get(notJsonCorrelation).body()).contains("urn:tandem:problem:invalid-request", "not valid JSON");
        assertThat(replies.get(noTargetCorrelation).body()).contains("'to' is required");
        assertThat(replies.get(notTextCorrelation).body()).contains("must be a JSON text message");
        assertThat(replies.get(reuseCorrelation).body()).contains("urn:tandem:problem:transfer-conflict");
        assertThat(TransferJson.parseDetails(replies.get(rejectedId).body()).reason().name()).isEqualTo("INSUFFICIENT_FUNDS");

        Map<String, String> invalid = browse(INVALID_QUEUE, ORIGINAL_MESSAGE_ID_PROPERTY, setAside);
        assertThat(invalid.keySet()).as("originals set aside").containsExactlyInAnyOrderElementsOf(setAside);
        assertThat(invalid.values()).allSatisfy(error -> assertThat(error).isNotBlank());
        assertThat(browse(DEAD_LETTER_QUEUE, "JMSMessageID", setAside)).isEmpty();
        assertThat(Tandem.json(Tandem.get("transfers/" + rejectedId)).getString("status")).isEqualTo("REJECTED");
        assertThat(Tandem.balances("A-0018", "B-0018")).isEqualTo(Map.of(
                "A-0018", before.get("A-0018").subtract(BigDecimal.ONE),
                "B-0018", before.get("B-0018").add(BigDecimal.ONE)));
    }

    /** Brings the source back to at least 1000.00 with what earlier runs moved to the targets. */
    private static void topUp(String source, List<String> donors) throws Exception {
        for (String donor : donors) {
            BigDecimal surplus = Tandem.balance(donor).subtract(new BigDecimal("1000.00"));
            if (surplus.signum() > 0 && Tandem.balance(source).compareTo(new BigDecimal("1000.00")) < 0) {
                Tandem.CLIENT.transfer(new TransferRequest(UUID.randomUUID(), donor, source, surplus, "EUR"));
            }
        }
    }

    private int depth(String queue) throws JMSException {
        try (JMSContext jms = broker.createContext(); var browser = jms.createBrowser(jms.createQueue(queue))) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    /** Messages on {@code queue} whose {@code property} is one of {@code values}: property value to error property. */
    private Map<String, String> browse(String queue, String property, List<String> values) throws Exception {
        String selector = values.stream().map(value -> "'" + value + "'")
                .collect(Collectors.joining(", ", property + " IN (", ")"));
        var found = new HashMap<String, String>();
        try (JMSContext jms = broker.createContext(); var browser = jms.createBrowser(jms.createQueue(queue), selector)) {
            for (Object browsed : Collections.list(browser.getEnumeration())) {
                Message message = (Message) browsed;
                String key = property.equals("JMSMessageID") ? message.getJMSMessageID() : message.getStringProperty(property);
                found.put(key, message.getStringProperty(ERROR_PROPERTY));
            }
        }
        return found;
    }

    private static String json(String id, String from, String to, String amount) {
        return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
