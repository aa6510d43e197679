package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How failures reported by the container are told apart, shaped as Payara reports them. */
class TransactionFailuresTest {

    @Test
    void aCommitThatFailedHasAnUnknownOutcome() {
        var failure = new EJBException("Unable to complete container-managed transaction.",
                new SystemException("JTS5031: Exception on Resource [commit] operation."));

        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isTrue();
        assertThat(TransactionFailures.isHeuristic(failure)).isFalse();
    }

    @Test
    void aCommitOutOfRetriesAsTheRestLayerSeesItHasAnUnknownOutcome() {
        var failure = new SystemException("JTS5032: Retry limit of [0] [commit] operations exceeded.");

        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isTrue();
    }

    @Test
    void aResourceThatCouldNotJoinTheTransactionIsAnOutageWhereNothingChanged() {
        var failure = new EJBException(new JMSRuntimeException("Could not create a session",
                "", new IllegalStateException("Error in allocating a connection", new SystemException())));

        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isFalse();
        assertThat(TransactionFailures.isOutage(failure)).isTrue();
    }

    @Test
    void aRolledBackTransactionIsAnOutageWhereNothingChanged() {
        var failure = new EJBException("Transaction aborted", new RollbackException());

        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isFalse();
        assertThat(TransactionFailures.isOutage(failure)).isTrue();
    }

    @Test
    void aHeuristicOutcomeIsReportedAsSuch() {
        var failure = new EJBException(new HeuristicMixedException());

        assertThat(TransactionFailures.isHeuristic(failure)).isTrue();
        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isFalse();
    }

    @Test
    void aTransferRefusedWhileTheApplicationStopsIsToldApartFromAnOutage() {
        var failure = new EJBException(new EngineClosedException());

        assertThat(TransactionFailures.isStopping(failure)).isTrue();
        assertThat(TransactionFailures.isOutcomeUnknown(failure)).isFalse();
        assertThat(TransactionFailures.isStopping(new EJBException(new RollbackException()))).isFalse();
    }

    @Test
    void eachKindReachesTheCallerAsItsOwnTypedFailureNamingTheTransfer() {
        UUID id = UUID.randomUUID();

        assertThat(TransactionFailures.classify(id, new EJBException(new RollbackException())))
                .get().isInstanceOf(TransferUnavailableException.class)
                .satisfies(told -> assertThat(told.transferId()).isEqualTo(id))
                .satisfies(told -> assertThat(told.getMessage()).contains("nothing was changed", "applied at most once"));
        assertThat(TransactionFailures.classify(id, new EJBException(new EngineClosedException())))
                .get().isInstanceOf(TransferUnavailableException.class)
                .satisfies(told -> assertThat(told.getMessage()).contains("Tandem is stopping"));
        assertThat(TransactionFailures.classify(id, new EJBException(new SystemException("JTS5031"))))
                .get().isInstanceOf(OutcomeUnknownException.class);
        assertThat(TransactionFailures.classify(id, new EJBException(new HeuristicMixedException())))
                .get().isInstanceOf(HeuristicOutcomeException.class);
    }

    @Test
    void aBugIsNotPassedOffAsATechnicalFailure() {
        assertThat(TransactionFailures.classify(UUID.randomUUID(), new EJBException(new NullPointerException()))).isEmpty();
    }
}
