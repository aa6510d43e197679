package dev.tandem.client.chaos;

import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.json.TransferJson;
import dev.tandem.client.RestTransferService;
import dev.tandem.client.chaos.History.Attempt;
import dev.tandem.client.chaos.History.Entrance;
import dev.tandem.client.chaos.History.TotalsRead;
import dev.tandem.client.chaos.History.Told;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of a chaos run, each on a thread of its own until the run's end: synchronous REST callers,
 * a REST caller that queues its transfers and polls for their outcome, a JMS producer that sends each
 * account's transfers in one message group, the remote EJB caller's JVM, and a reader of all balances.
 */
final class Workload {

    private final History history;
    private final RestTransferService teller;
    private final ConnectionFactory broker;
    private final long end;
    private final RandomTransfers transfers;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();

    Workload(History history, RestTransferService teller, ConnectionFactory broker, long end, long seed) {
        this.history = history;
        this.teller = teller;
        this.broker = broker;
        this.end = end;
        this.transfers = new RandomTransfers(seed);
    }

    void start(int restCallers, List<String> ejbCallerCommand) {
        for (int i = 0; i < restCallers; i++) {
            run("rest-" + i, this::callSynchronously);
        }
        run("rest-async", this::queueAndPoll);
        run("jms", this::produce);
        run("reader", this::readBalances);
        if (ejbCallerCommand != null) {
            run("ejb", () -> readEjbCaller(ejbCallerCommand));
        }
    }

    /** Waits for every client to finish its last transfer (and its polls). */
    void awaitEnd() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void run(String name, Runnable client) {
        var thread = new Thread(client, "chaos-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private boolean running() {
        return System.currentTimeMillis() < end;
    }

    private void callSynchronously() {
        while (running()) {
            TransferRequest request = transfers.next();
            long started = System.currentTimeMillis();
            Told told;
            try {
                told = Answers.transfer(teller, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long answered = System.currentTimeMillis();
            record(request, Entrance.REST, started, answered, told, 0, final_(told) ? answered : 0);
        }
    }

    private void queueAndPoll() {
        while (running()) {
            TransferRequest request = transfers.next();
            long started = System.currentTimeMillis();
            Told told;
            try {
                teller.submit(request);
                told = Told.ACCEPTED;
            } catch (Exception e) {
                told = Answers.of(e);
                pause(200);
            }
            long answered = System.currentTimeMillis();
            long settled = told == Told.ACCEPTED ? pollUntilFinal(request.id()) : 0;
            record(request, Entrance.REST_ASYNC, started, answered, told, 0, settled);
        }
    }

    /** When the transfer's record was first seen final; 0 if not within two minutes after the run's end. */
    private long pollUntilFinal(UUID id) {
        while (System.currentTimeMillis() < end + 120_000) {
            try {
                TransferDetails details = teller.findTransfer(id);
                if (details.status() != TransferStatus.PENDING) {
                    return System.currentTimeMillis();
                }
            } catch (Exception notYet) {
                // unknown yet (the request is still queued) or Tandem is down: ask again
            }
            pause(200);
        }
        return 0;
    }

    /** Sends until the run ends; a send that failed is sent again with the same id until it goes through. */
    private void produce() {
        Producer producer = null;
        try {
            while (running()) {
                TransferRequest request = transfers.next();
                long sequence = sent.incrementAndGet();
                long started = System.currentTimeMillis();
                boolean delivered = false;
                while (!delivered && running()) {
                    try {
                        if (producer == null) {
                            producer = new Producer(broker.createContext(JMSContext.AUTO_ACKNOWLEDGE));
                        }
                        producer.send(request);
                        delivered = true;
                    } catch (JMSRuntimeException e) {
                        close(producer);
                        producer = null;
                        pause(500);
                    }
                }
                record(request, Entrance.JMS, started, System.currentTimeMillis(), delivered ? Told.ACCEPTED : Told.UNKNOWN, sequence, 0);
                pause(100);
            }
        } finally {
            close(producer);
        }
    }

    /** A connection to the broker that sends requests and notes when their replies come in, on a temporary queue of its own. */
    private final class Producer implements AutoCloseable {

        private final JMSContext sending;
        private final JMSContext receiving;
        private final Queue replies;

        Producer(JMSContext sending) {
            this.sending = sending;
            sending.setExceptionListener(broken -> { });
            this.receiving = sending.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            this.replies = sending.createTemporaryQueue();
            receiving.createConsumer(replies).setMessageListener(Workload.this::repliedTo);
        }

        void send(TransferRequest request) {
            sending.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(request.id().toString())
                    .setProperty(GROUP_PROPERTY, request.from()).setProperty(TRANSFER_ID_PROPERTY, request.id().toString())
                    .send(sending.createQueue(REQUEST_QUEUE), TransferJson.toJson(request).toString());
        }

        @Override
        public void close() {
            receiving.close();
            sending.close();
        }
    }

    private void repliedTo(Message reply) {
        try {
            history.repliedAt.putIfAbsent(UUID.fromString(reply.getJMSCorrelationID()), System.currentTimeMillis());
        } catch (JMSException | IllegalArgumentException e) {
            // not a reply to one of ours
        }
    }

    private void readBalances() {
        while (running()) {
            long started = System.currentTimeMillis();
            try {
                var totals = new TreeMap<String, BigDecimal>();
                for (AccountDetails account : teller.accounts()) {
                    totals.merge(account.currency(), account.balance(), BigDecimal::add);
                    if (account.balance().signum() < 0) {
                        history.negativeBalances.add(account.id() + " read " + account.balance() + " at " + started);
                    }
                }
                totals.replaceAll((currency, total) -> new BigDecimal(total.stripTrailingZeros().toPlainString()));
                history.reads.add(new TotalsRead(started, System.currentTimeMillis(), Map.copyOf(totals)));
            } catch (Exception unavailable) {
                // a read that fails tells nothing
            }
            pause(500);
        }
    }

    private void readEjbCaller(List<String> command) {
        try {
            Process caller = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (var lines = new BufferedReader(new InputStreamReader(caller.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] field = line.split(" ");
                    if (field.length != 8) {
                        continue;
                    }
                    Told told = Told.valueOf(field[7]);
                    long answered = Long.parseLong(field[6]);
                    history.attempts.add(new Attempt(UUID.fromString(field[0]), Entrance.EJB, field[1], field[2], new BigDecimal(field[3]),
                            field[4], Long.parseLong(field[5]), answered, told, 0, final_(told) ? answered : 0));
                }
            }
            caller.waitFor();
        } catch (IOException e) {
            history.clientFailures.add("the EJB caller failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(TransferRequest request, Entrance entrance, long started, long answered, Told told, long sequence, long settled) {
        history.attempts.add(new Attempt(request.id(), entrance, request.from(), request.to(), request.amount(), request.currency(),
                started, answered, told, sequence, settled));
    }

    private static boolean final_(Told told) {
        return told == Told.COMPLETED || told == Told.REJECTED;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(Producer producer) {
        if (producer != null) {
            try {
                producer.close();
            } catch (JMSRuntimeException alreadyBroken) {
                // went down with the broker
            }
        }
    }
}
