package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.client.Credentials;
import dev.tandem.client.RestTransferService;
import dev.tandem.client.jms.Broker;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.client.jms.TransferSubmitter;
import dev.tandem.it.Processes.Run;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real ledgers only ({@code -Preal-ledgers}): Tandem with a primary/backup broker pair ({@code ./tandem start
 * --broker-pair}, docs/scale-out.md), an instance of its own on the runtime under test, beside the suite's, whose
 * broker-outage tests expect one broker. The broker is killed while queued transfers are being applied; the
 * backup takes over from the shared journal, the server's connections and the producer's fail over to it, and
 * every request is applied exactly once.
 */
class BrokerPairIT {

    private static final Path VAR = Tandem.VAR.resolveSibling(Tandem.VAR.getFileName() + "-pair");
    /** Below Linux' ephemeral ports (32768 on), which outgoing connections take at random. */
    private static final int PORT_BASE = 22000;
    private static final int BROKER_PORT = 61916;
    private static final String DB_NAME = "tandem_itpair";
    private static final List<String> ACCOUNTS = Stream.of("A", "B")
            .flatMap(ledger -> IntStream.rangeClosed(1, 50).filter(number -> number % 10 != 0)
                    .mapToObj(number -> "%s-%04d".formatted(ledger, number)))
            .toList();

    private static RestTransferService teller;
    private static Broker producer;

    private final Random random = new Random(23);

    @BeforeAll
    static void startTandemWithABrokerPair() {
        Run started = pair(Duration.ofMinutes(10), "start", "--db", "real", "--runtime", Tandem.SERVER.name().toLowerCase(),
                "--broker-pair");
        assertThat(started.exitCode()).as(started.output()).isZero();
        Path secrets = VAR.resolve("secrets");
        teller = new RestTransferService(URI.create("http://localhost:" + (PORT_BASE + 80) + "/tandem/api/"),
                Credentials.fromSecrets(secrets, "teller"));
        producer = new Broker("(tcp://localhost:%d,tcp://localhost:%d)?ha=true&reconnectAttempts=30&retryInterval=2000"
                .formatted(BROKER_PORT, BROKER_PORT + 1), "producer", Credentials.fromSecrets(secrets, "producer").password());
        assertThat(pair(Duration.ofMinutes(1), "status").output())
                .contains("broker   running", "tcp://localhost:" + BROKER_PORT + ", active")
                .contains("backup   running", "tcp://localhost:" + (BROKER_PORT + 1) + ", standing by");
    }

    @AfterAll
    static void stopAndDropItsLedgers() {
        Run stopped = pair(Duration.ofMinutes(3), "stop");
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        String branchMark = Tandem.SERVER == AppServer.PAYARA ? ",P" + (PORT_BASE + 37) + "," : "tandem-" + PORT_BASE;
        Run dropped = Processes.run(List.of(Tandem.ROOT.resolve("server-config/databases/drop-ledgers.sh").toString(), branchMark),
                Map.of("TANDEM_DB_NAME", DB_NAME), Duration.ofMinutes(1));
        assertThat(dropped.exitCode()).as(dropped.output()).isZero();
    }

    @Test
    void queuedTransfersAreAppliedOnceThroughTheBrokersFailoverAndTheBrokerTakesOverAgainWhenItComesBack() throws Exception {
        Map<String, BigDecimal> before = balances();
        List<TransferRequest> requests = transfers(600);
        var underWay = new CountDownLatch(1);
        // A reply lost at the failover is waited for until the end: long enough for every other one. The queue
        // may stand still meanwhile until the transactions the failover cut are settled: a commit retried (on
        // Payara a minute later), a transaction not yet prepared rolled back by the broker (a minute, broker.xml).
        CompletableFuture<SubmitReport> submitting = CompletableFuture.supplyAsync(() -> submit(requests, Duration.ofMinutes(4), replies -> {
            if (replies >= 150) {
                underWay.countDown();
            }
        }));
        assertThat(underWay.await(3, TimeUnit.MINUTES)).as("150 replies").isTrue();

        Processes.killByPidFile(VAR.resolve("broker/broker.pid"), "broker");
        SubmitReport report = submitting.join();

        assertThat(report.repliedTwice()).as("requests with more than one reply").isEmpty();
        // A reply committed just before the kill may be lost with the temporary reply queue, which lives
        // in the broker's memory only; its outcome is recorded, and asked for by id below.
        System.out.printf("600 queued transfers through a failover: %d replies, %d without one%n",
                report.replies().size(), report.unanswered().size());
        assertThat(report.unanswered()).as("requests without a reply").hasSizeLessThan(20);
        for (String id : report.unanswered()) {
            Polling.until(Duration.ofMinutes(1), () -> status(UUID.fromString(id)), status -> !status.equals("PENDING"));
        }
        assertThat(balances()).isEqualTo(appliedOnce(requests, report, before));
        assertThat(pair(Duration.ofMinutes(1), "status").output())
                .contains("broker   stopped", "tcp://localhost:" + (BROKER_PORT + 1) + ", active");
        assertVerified();

        Run restarted = pair(Duration.ofMinutes(5), "start");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        assertThat(pair(Duration.ofMinutes(1), "status").output())
                .contains("tcp://localhost:" + BROKER_PORT + ", active", "tcp://localhost:" + (BROKER_PORT + 1) + ", standing by");
        Map<String, BigDecimal> afterFailback = balances();
        List<TransferRequest> more = transfers(100);
        SubmitReport moreReport = submit(more, Duration.ofMinutes(2), replies -> { });
        assertThat(moreReport.unanswered()).as("requests without a reply, after the failback").isEmpty();
        assertThat(balances()).isEqualTo(appliedOnce(more, moreReport, afterFailback));
        assertVerified();
    }

    /** The balances expected once each request's recorded outcome (which a reply, if any, must agree with) applied once. */
    private static Map<String, BigDecimal> appliedOnce(List<TransferRequest> requests, SubmitReport report,
                                                      Map<String, BigDecimal> before) throws UnknownTransferException {
        var expected = new HashMap<>(before);
        for (TransferRequest request : requests) {
            var recorded = teller.findTransfer(request.id());
            var reply = report.replies().get(request.id().toString());
            if (reply != null) {
                assertThat(recorded.status().name()).as("recorded outcome of %s", request.id()).isEqualTo(reply.status());
            }
            assertThat(recorded.status().name()).as("outcome of %s", request.id()).isIn("COMPLETED", "REJECTED");
            if (recorded.status().name().equals("COMPLETED")) {
                expected.merge(request.from(), request.amount().negate(), BigDecimal::add);
                expected.merge(request.to(), request.amount(), BigDecimal::add);
            }
        }
        return expected;
    }

    /** The transfer's recorded status, or {@code PENDING} while there is no record of it yet. */
    private static String status(UUID id) {
        try {
            return teller.findTransfer(id).status().name();
        } catch (UnknownTransferException e) {
            return "PENDING";
        }
    }

    private static void assertVerified() {
        Run verify = pair(Duration.ofMinutes(2), "verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("; 0 prepared transactions", "0 queued requests");
    }

    private static SubmitReport submit(List<TransferRequest> requests, Duration timeout, Consumer<Integer> progress) {
        try {
            return new TransferSubmitter(producer.connectionFactory()).submit(requests, timeout, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, BigDecimal> balances() {
        var balances = new HashMap<String, BigDecimal>();
        teller.accounts().stream().filter(account -> ACCOUNTS.contains(account.id()))
                .forEach(account -> balances.put(account.id(), account.balance()));
        return balances;
    }

    private List<TransferRequest> transfers(int count) {
        List<TransferRequest> requests = new ArrayList<>();
        while (requests.size() < count) {
            String from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            if (!from.equals(to)) {
                requests.add(new TransferRequest(UUID.randomUUID(), from, to, BigDecimal.valueOf(1 + random.nextInt(500), 2), "EUR"));
            }
        }
        return requests;
    }

    /** {@code ./tandem ARGUMENTS} against this class's instance. */
    private static Run pair(Duration timeout, String... arguments) {
        return Tandem.launcher(Map.of("TANDEM_VAR", VAR.toString(), "TANDEM_PORT_BASE", Integer.toString(PORT_BASE),
                "TANDEM_BROKER_PORT", Integer.toString(BROKER_PORT), "TANDEM_DB_NAME", DB_NAME), timeout, arguments);
    }
}
