package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.EVENTS_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.jms.Broker;
import dev.tandem.it.Processes.Run;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server is killed with {@code kill -9} while two transfers are in the middle of their two-phase
 * commits over ledger A, ledger B and the broker, and started again. The transaction manager's automatic
 * recovery (Payara's JTS, or Narayana on WildFly) must
 * finish what was decided (commit every branch once the decision is logged) and undo what was not
 * (roll back transactions that died before their decision), after which every invariant holds. The
 * transfers are stopped dead by the test domain's fault switch ({@code tandem.faults.dir}); there are
 * two, in opposite directions, so that each database holds more than one branch in doubt. Accounts
 * A-0023, B-0023, A-0024, B-0024.
 */
@ExtendWith(ConservationCheck.class)
class CrashRecoveryIT {

    private static final Path FAULTS = Path.of(System.getProperty("tandem.faults.dir"));
    private static final BigDecimal AMOUNT = new BigDecimal("5.00");
    /**
     * The events' subscription lives through the kill, the restart and the recovery, minutes on a busy machine:
     * if its connection misses a ping it reattaches to its session on the broker instead of closing the consumer.
     */
    private static final Broker EVENTS_LISTENER = new Broker(Tandem.BROKER.url() + "?reconnectAttempts=-1",
            Tandem.BROKER.user(), Tandem.BROKER.password());

    private record Transfer(UUID id, String from, String to) {
        String json() {
            return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + AMOUNT
                    + "\",\"currency\":\"EUR\"}";
        }
    }

    @ParameterizedTest(name = "killed {0}")
    @CsvSource({"BEFORE_ANY_COMMIT, true", "BETWEEN_COMMITS, true", "BEFORE_DECISION, false"})
    void aServerKilledDuringTwoPhaseCommitIsRecoveredToOneOutcome(String point, boolean committed) throws Exception {
        List<Transfer> transfers = List.of(new Transfer(UUID.randomUUID(), "A-0023", "B-0023"),
                new Transfer(UUID.randomUUID(), "B-0024", "A-0024"));
        Map<String, BigDecimal> before = Tandem.balances("A-0023", "B-0023", "A-0024", "B-0024");
        Files.createDirectories(FAULTS);
        for (Transfer transfer : transfers) {
            Files.writeString(armed(transfer), point);
        }
        try (JMSContext jms = EVENTS_LISTENER.connectionFactory().createContext();
             JMSConsumer events = jms.createConsumer(jms.createTopic(EVENTS_TOPIC),
                     "transferId IN ('" + transfers.get(0).id() + "', '" + transfers.get(1).id() + "')")) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (Transfer transfer : transfers) {
                calls.add(CompletableFuture.supplyAsync(() -> Tandem.postJson("transfers", transfer.json())));
            }
            for (Transfer transfer : transfers) {
                Polling.until(Duration.ofSeconds(30), () -> Files.exists(reached(transfer)), there -> there);
            }
            if (Tandem.REAL_LEDGERS) {
                assertPreparedBranches(point, transfers.size());
            }

            Instant killed = killTheServer();
            for (Transfer transfer : transfers) {
                Files.delete(armed(transfer));
            }
            for (var call : calls) {
                assertThat(call).as("the caller got no outcome from a dead server").failsWithin(Duration.ofSeconds(30));
            }
            Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();
            Instant answering = Instant.now();
            JsonObject report = Polling.until(Duration.ofMinutes(3), Tandem.OPERATIONS::verification,
                    verification -> verification.getBoolean("consistent"));
            Instant recovered = Instant.now();
            System.out.printf("kill -9 at %s (%s ledgers, %d transfers): server answering %.1f s after the kill, in-doubt"
                            + " branches %s %.1f s after that; verify: %s%n", point, Tandem.REAL_LEDGERS ? "real" : "embedded",
                    transfers.size(), seconds(killed, answering), committed ? "committed" : "rolled back",
                    seconds(answering, recovered), report.getJsonObject("checked"));

            Map<String, BigDecimal> expected = new HashMap<>(before);
            for (Transfer transfer : transfers) {
                if (committed) {
                    assertThat(Tandem.json(Tandem.get("transfers/" + transfer.id())).getString("status")).isEqualTo("COMPLETED");
                    expected.merge(transfer.from(), AMOUNT.negate(), BigDecimal::add);
                    expected.merge(transfer.to(), AMOUNT, BigDecimal::add);
                } else {
                    assertThat(Tandem.get("transfers/" + transfer.id()).statusCode()).isEqualTo(404);
                }
            }
            assertThat(Tandem.balances("A-0023", "B-0023", "A-0024", "B-0024")).isEqualTo(expected);
            assertThat(eventsArriving(events)).as("outcome events, committed with the transfers")
                    .hasSize(committed ? transfers.size() : 0);
        } finally {
            for (Transfer transfer : transfers) {
                Files.deleteIfExists(armed(transfer));
                Files.deleteIfExists(reached(transfer));
            }
        }
    }

    private static Path armed(Transfer transfer) {
        return FAULTS.resolve(transfer.id().toString());
    }

    private static Path reached(Transfer transfer) {
        return FAULTS.resolve(transfer.id() + ".reached");
    }

    private static List<Message> eventsArriving(JMSConsumer events) {
        var received = new ArrayList<Message>();
        for (Message event = events.receive(20_000); event != null; event = events.receive(3_000)) {
            received.add(event);
        }
        return received;
    }

    /**
     * Where each point leaves the databases: prepared branches wait in PostgreSQL (ledger A) and MariaDB
     * (ledger B) until the transaction manager tells them what to do.
     */
    private static void assertPreparedBranches(String point, int transfers) throws SQLException {
        int ledgerA = RealLedgers.preparedInLedgerA();
        int ledgerB = RealLedgers.preparedInMariaDb();
        assertThat(ledgerB).as("prepared in ledger B (MariaDB) at " + point).isEqualTo(transfers);
        assertThat(ledgerA).as("prepared in ledger A (PostgreSQL) at " + point)
                .isEqualTo(point.equals("BETWEEN_COMMITS") ? 0 : transfers);
    }

    /** {@code kill -9} of the server's JVM, by the PID it wrote at start. */
    private static Instant killTheServer() throws Exception {
        Processes.killByPidFile(Tandem.SERVER.pidFile(), Tandem.SERVER.name());
        return Instant.now();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
