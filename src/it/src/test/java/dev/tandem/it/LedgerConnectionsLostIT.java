package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real ledgers only ({@code -Preal-ledgers}; the embedded ones live inside the server and have no
 * connections to lose). A transfer is held by the fault switch after its commit decision, before any
 * commit, and meanwhile the ledger databases end the connections that prepared its branches, as a
 * database restart does: the branches stay prepared, but the drivers alone report their commits as
 * rolled back (PostgreSQL) or without an error code (MariaDB), and the transaction manager gives them
 * up. The transfer must complete once, with no branch left prepared. Accounts A-0025, B-0025.
 */
@ExtendWith(ConservationCheck.class)
class LedgerConnectionsLostIT {

    private static final Path FAULTS = Path.of(System.getProperty("tandem.faults.dir"));
    private static final BigDecimal AMOUNT = new BigDecimal("7.00");

    /** Both ledgers end Tandem's connections and stay up: the commits go through on fresh ones, and the caller hears so. */
    @Test
    void connectionsEndedBeforeTheCommitsAreReplacedAndTheCallerToldCompleted() throws Exception {
        try (HeldTransfer transfer = HeldTransfer.started()) {
            endConnections();
            transfer.release();

            HttpResponse<String> answer = transfer.call.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            transfer.assertCompletedOnce();
        }
    }

    /**
     * PostgreSQL is down when the commits begin and back 5 s later; then the server restarts at once.
     * The commit of ledger A waits for the database, and what the transaction manager knows of the
     * transfer survives the restart.
     */
    @Test
    void aLedgerDownWhenTheCommitsBeginIsCommittedOnceItIsBack() throws Exception {
        try (HeldTransfer transfer = HeldTransfer.started()) {
            endConnections();
            try (PostgreSqlServer stopped = PostgreSqlServer.stopped()) {
                transfer.release();
                Thread.sleep(5_000);
            }
            Tandem.SERVER.restart();

            assertThat(Polling.until(Duration.ofMinutes(3), () -> statusOf(transfer.id), "COMPLETED"::equals)).isEqualTo("COMPLETED");
            transfer.assertCompletedOnce();
        }
    }

    /** A transfer A-0025 to B-0025 that the fault switch holds after its commit decision, until released. */
    private static final class HeldTransfer implements AutoCloseable {
        final UUID id = UUID.randomUUID();
        final Path armed = FAULTS.resolve(id.toString());
        final Path reached = FAULTS.resolve(id + ".reached");
        final Map<String, BigDecimal> before = Tandem.balances("A-0025", "B-0025");
        CompletableFuture<HttpResponse<String>> call;

        static HeldTransfer started() throws Exception {
            var transfer = new HeldTransfer();
            Files.createDirectories(FAULTS);
            Files.writeString(transfer.armed, "HELD_BEFORE_COMMITS");
            transfer.call = CompletableFuture.supplyAsync(() -> Tandem.postJson("transfers", "{\"id\":\"" + transfer.id
                    + "\",\"from\":\"A-0025\",\"to\":\"B-0025\",\"amount\":\"" + AMOUNT + "\",\"currency\":\"EUR\"}"));
            Polling.until(Duration.ofSeconds(30), () -> Files.exists(transfer.reached), there -> there);
            assertThat(RealLedgers.preparedInLedgerA()).as("ledger A's branch prepared").isEqualTo(1);
            return transfer;
        }

        void release() throws IOException {
            Files.delete(armed);
        }

        void assertCompletedOnce() throws Exception {
            assertThat(statusOf(id)).isEqualTo("COMPLETED");
            assertThat(Tandem.balances("A-0025", "B-0025")).isEqualTo(Map.of(
                    "A-0025", before.get("A-0025").subtract(AMOUNT), "B-0025", before.get("B-0025").add(AMOUNT)));
            assertThat(RealLedgers.preparedInLedgerA()).as("branches left prepared in ledger A").isZero();
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(armed);
            Files.deleteIfExists(reached);
        }
    }

    /** The transfer's status, {@code absent} while it is not visible (its ledger A branch not committed). */
    private static String statusOf(UUID id) {
        try {
            HttpResponse<String> response = Tandem.get("transfers/" + id);
            return response.statusCode() == 200 ? Tandem.json(response).getString("status") : "absent";
        } catch (RuntimeException unreachable) {
            return "unreachable";
        }
    }

    /** Ends every connection to both ledger databases, as their restarts would. */
    private static void endConnections() throws SQLException {
        try (var connection = DriverManager.getConnection(RealLedgers.POSTGRES_ADMIN_URL); var statement = connection.createStatement();
             ResultSet ended = statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                     + RealLedgers.DB_NAME + "_ledger_a'")) {
            ended.next();
            assertThat(ended.getInt(1)).as("ledger A connections ended").isPositive();
        }
        try (var connection = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); var statement = connection.createStatement()) {
            var ids = new ArrayList<Long>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + RealLedgers.DB_NAME + "_ledger_b'")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            assertThat(ids).as("ledger B connections").isNotEmpty();
            for (long connectionId : ids) {
                statement.execute("KILL " + connectionId);
            }
        }
    }
}
