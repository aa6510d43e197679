package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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

    private static final BigDecimal AMOUNT = new BigDecimal("7.00");

    /** Both ledgers end Tandem's connections and stay up: the commits go through on fresh ones, and the caller hears so. */
    @Test
    void connectionsEndedBeforeTheCommitsAreReplacedAndTheCallerToldCompleted() throws Exception {
        try (HeldTransfer transfer = HeldTransfer.started("A-0025", "B-0025", AMOUNT)) {
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
        try (HeldTransfer transfer = HeldTransfer.started("A-0025", "B-0025", AMOUNT)) {
            endConnections();
            try (PostgreSqlServer stopped = PostgreSqlServer.stopped()) {
                transfer.release();
                Thread.sleep(5_000);
            }
            Tandem.SERVER.restart();

            assertThat(Polling.until(Duration.ofMinutes(3), () -> HeldTransfer.statusOf(transfer.id), "COMPLETED"::equals)).isEqualTo("COMPLETED");
            transfer.assertCompletedOnce();
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
