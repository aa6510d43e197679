package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A transfer accepted for the queue is held by the fault switch after its commit decision, before any commit,
 * and meanwhile the broker is killed ({@code kill -9}) and started again: the broker's branch of the
 * transfer (its request on {@code tandem.transfers}) stays prepared in the journal, but the connection that
 * prepared it is gone. The transaction manager must still commit it, through a connection to the broker as it
 * is now, so that the request is served and the transfer completes once, with nothing left prepared. (Found by
 * {@code ./tandem chaos} on Payara: the transfer stayed {@code PENDING}, its request prepared on the broker for
 * good, while the commit was retried every minute on the dead connection.) Accounts A-0025, B-0025 (as LedgerConnectionsLostIT, another held transfer).
 */
@ExtendWith(ConservationCheck.class)
class BrokerLostInCommitIT {

    private static final BigDecimal AMOUNT = new BigDecimal("4.00");

    // Each test first waits for nothing to be prepared on the broker: a class that runs right after the server
    // started may find recovery still completing branches.

    @Test
    void theRequestPreparedOnTheBrokerIsCommittedOnceTheBrokerIsBackAndServed() throws Exception {
        Polling.until(Duration.ofMinutes(1), Tandem::preparedOnBroker, List::isEmpty);
        try (HeldTransfer transfer = HeldTransfer.queued("A-0025", "B-0025", AMOUNT)) {
            assertThat(Tandem.transfersPreparedOnBroker()).as("the held transfer's request, prepared").containsExactly(transfer.id.toString());

            Processes.killByPidFile(Tandem.VAR.resolve("broker/broker.pid"), "broker");
            Processes.Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();
            assertThat(Tandem.transfersPreparedOnBroker()).as("prepared through the broker's restart").containsExactly(transfer.id.toString());
            transfer.release();

            assertThat(Polling.until(Duration.ofMinutes(3), () -> HeldTransfer.statusOf(transfer.id), "COMPLETED"::equals)).isEqualTo("COMPLETED");
            transfer.assertCompletedOnce();
            assertThat(Tandem.preparedOnBroker()).as("prepared on the broker").isEmpty();
            HttpResponse<String> answer = transfer.call.get();
            assertThat(answer.statusCode()).as("accepted, so neither unavailable nor rejected: " + answer.body()).isIn(202, 500);
        }
    }

    /** The broker is down when the commits begin: the broker's commit fails and must be completed once it is back. */
    @Test
    void aRequestWhoseBrokerIsDownWhenTheCommitsBeginIsCommittedOnceItIsBack() throws Exception {
        Polling.until(Duration.ofMinutes(1), Tandem::preparedOnBroker, List::isEmpty);
        try (HeldTransfer transfer = HeldTransfer.queued("A-0025", "B-0025", AMOUNT)) {
            Processes.killByPidFile(Tandem.VAR.resolve("broker/broker.pid"), "broker");
            transfer.release();
            Thread.sleep(5_000); // the commits run into the broker's absence
            Processes.Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();

            assertThat(Polling.until(Duration.ofMinutes(3), () -> HeldTransfer.statusOf(transfer.id), "COMPLETED"::equals)).isEqualTo("COMPLETED");
            transfer.assertCompletedOnce();
            assertThat(Tandem.preparedOnBroker()).as("prepared on the broker").isEmpty();
        }
    }
}
