package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.Reply;
import dev.tandem.client.jms.SubmitReport;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real ledgers only ({@code -Preal-ledgers}: the test sees a lock wait in PostgreSQL). Two entry points
 * racing with the same transfer id settle it where they are, on the first attempt: the second waits for
 * the first's accounts, then finds its record. Accounts A-0045, B-0045.
 */
@ExtendWith(ConservationCheck.class)
class TransferIdRaceIT {

    private static final BigDecimal AMOUNT = new BigDecimal("4.00");

    /** The request queue's message-driven bean used to lose this race and send the request back for redelivery. */
    @Test
    void aQueuedRequestRacingASynchronousTransferWithTheSameIdIsAnsweredOnItsFirstDelivery() throws Exception {
        try (HeldTransfer held = HeldTransfer.started("A-0045", "B-0045", AMOUNT)) {
            var request = new TransferRequest(held.id, held.from, held.to, AMOUNT, "EUR");
            CompletableFuture<SubmitReport> queued = CompletableFuture.supplyAsync(() -> Tandem.submit(List.of(request), Duration.ofMinutes(2)));
            Polling.until(Duration.ofSeconds(30), TransferIdRaceIT::sessionsWaitingForALockInLedgerA, waiting -> waiting > 0);

            held.release();

            HttpResponse<String> answer = held.call.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            Reply reply = queued.get().replies().get(held.id.toString());
            assertThat(reply).as(queued.get().summary()).isNotNull();
            assertThat(reply.status()).isEqualTo("COMPLETED");
            assertThat(reply.deliveryAttempt()).as("the delivery that answered").isEqualTo(1);
            held.assertCompletedOnce();
        }
    }

    private static int sessionsWaitingForALockInLedgerA() {
        try (var connection = DriverManager.getConnection(RealLedgers.POSTGRES_ADMIN_URL); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND datname = '" + RealLedgers.DB_NAME + "_ledger_a'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
