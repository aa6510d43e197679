package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A queued transfer whose transaction rolls back while the broker is away, after the broker prepared its
 * branch: the message-driven bean's delivery of the request is prepared on the broker, the fault switch holds
 * the last vote, the broker is killed ({@code kill -9}), and the vote then refuses. The transaction manager
 * rolls the ledgers back, but its rollback cannot reach the broker, which comes back with the branch prepared
 * in its journal, holding the request. That rollback must still be done once the broker is back, so that the
 * request is delivered again and the transfer completes once, with nothing left prepared. (Seen under broker
 * faults on Payara, where a failover cut a prepare: the request stayed prepared until the server's next start.)
 * Accounts A-0025, B-0025 (as the other held transfers).
 */
@ExtendWith(ConservationCheck.class)
class BrokerLostInRollbackIT {

    private static final BigDecimal AMOUNT = new BigDecimal("3.00");

    @Test
    void aRequestPreparedOnTheBrokerWhenItsTransactionRollsBackIsDeliveredAgainOnceTheBrokerIsBack() throws Exception {
        Polling.until(Duration.ofMinutes(1), Tandem::preparedOnBroker, List::isEmpty);
        try (HeldTransfer transfer = HeldTransfer.queuedThenRefused("A-0025", "B-0025", AMOUNT)) {
            assertThat(transfer.call.get().statusCode()).as("accepted for the queue").isEqualTo(202);
            assertThat(Tandem.transfersPreparedOnBroker()).as("the delivery of the held transfer's request, prepared").contains(transfer.id.toString());

            Processes.killByPidFile(Tandem.VAR.resolve("broker/broker.pid"), "broker");
            transfer.release();
            Polling.until(Duration.ofSeconds(30), Tandem.SERVER::logs, log -> log.contains("Rolled back, did not happen: Transfer " + transfer.id));
            Processes.Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();

            assertThat(Polling.until(Duration.ofMinutes(3), () -> HeldTransfer.statusOf(transfer.id), "COMPLETED"::equals)).isEqualTo("COMPLETED");
            transfer.assertCompletedOnce();
            assertThat(Polling.until(Duration.ofMinutes(1), Tandem::preparedOnBroker, List::isEmpty))
                    .as("prepared on the broker").isEmpty();
        }
    }
}
