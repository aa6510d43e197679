package dev.tandem.transfer.control;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferFailureException;
import dev.tandem.api.TransferUnavailableException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.ejb.TransactionRolledbackLocalException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicCommitException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What kind of failure reached a caller: the providers report the same things in many ways, unwrapped
 * or wrapped in an EJBException, so the whole chain of causes is looked at.
 */
public final class TransactionFailures {

    private static final Logger LOG = Logger.getLogger(TransactionFailures.class.getName());
    private static final String RETRY_RULE = "; a transfer retried with the same id is applied at most once.";

    private TransactionFailures() {
    }

    /**
     * The failure as a caller is told it, every entry point alike, and logged for the operator with what it
     * concerns ({@code transferId}, or null for a request that is not a transfer); empty for an unexpected
     * failure (a bug), which the caller reports as it is.
     */
    public static Optional<TransferFailureException> classify(UUID transferId, Throwable failure) {
        return classify(transferId == null ? "a request" : TransferLog.subject(transferId, null), transferId, failure);
    }

    /** {@link #classify(UUID, Throwable)}, its log lines naming the failed request as {@code subject}. */
    public static Optional<TransferFailureException> classify(String subject, UUID transferId, Throwable failure) {
        if (isStopping(failure)) {
            return Optional.of(new TransferUnavailableException(transferId, "Tandem is stopping and takes no more transfers;"
                    + " nothing was changed. It is safe to retry once it is back" + RETRY_RULE));
        }
        if (isHeuristic(failure)) {
            // logged where it is counted (TransferMetrics)
            return Optional.of(new HeuristicOutcomeException(transferId, "The transaction manager reported that the resources"
                    + " of this request did not all reach the same outcome. Operators have been alerted; look the transfer up"
                    + " and run ./tandem verify to see where it stands before retrying."));
        }
        if (isOutcomeUnknown(failure)) {
            LOG.log(Level.SEVERE, "OUTCOME UNKNOWN of " + subject + ": its commit failed part-way; the transaction manager"
                    + " completes it once every resource is back (at the latest when the server restarts). Check with"
                    + " ./tandem verify.", failure);
            return Optional.of(outcomeUnknown(transferId, "The transfer's commit did not reach every ledger and the broker:"
                    + " a resource went away during it. If it was decided to commit, the transaction manager completes it"
                    + " once the resource is back."));
        }
        if (isOutage(failure)) {
            LOG.log(Level.WARNING, "A ledger or the broker failed; the transaction of " + subject + " rolled back", failure);
            return Optional.of(new TransferUnavailableException(transferId, "The request could not be completed and nothing"
                    + " was changed: a ledger database or the message broker failed. It is safe to retry" + RETRY_RULE));
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + subject, failure);
        return Optional.empty();
    }

    /** A transfer that may or may not happen yet, {@code why}: the transaction manager is still bringing it to one outcome. */
    public static OutcomeUnknownException outcomeUnknown(UUID transferId, String why) {
        return new OutcomeUnknownException(transferId, why + " Look the transfer up to see where it stands; retrying with"
                + " the same id is safe, a transfer is applied at most once.");
    }

    /** The application is stopping: the transfer did not begin. */
    public static boolean isStopping(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof EngineClosedException);
    }

    /** The transaction manager reported that the resources did not all reach the same outcome. */
    public static boolean isHeuristic(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof HeuristicMixedException || cause instanceof HeuristicRollbackException
                || cause instanceof HeuristicCommitException);
    }

    /**
     * Completing the transaction itself failed: the transaction manager reports a {@link SystemException}
     * from commit (JTS: an exception on a resource's commit or rollback operation). The decision may
     * already have been to commit, with a resource that went away before it heard so; the transaction
     * manager then completes the transfer once the resource is back. So nobody can say yet whether it happened.
     * A SystemException beneath a database or broker failure is different: that resource could not join
     * the transaction while the work was done, and the transaction never got to commit.
     */
    public static boolean isOutcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SystemException) {
                return true;
            }
            if (isResourceFailure(cause)) {
                return false;
            }
        }
        return false;
    }

    /**
     * A resource failed (a database, the broker, the transaction manager), not the code: nothing was
     * changed. (Check {@link #isOutcomeUnknown} first: a failed commit is an outage too.)
     */
    public static boolean isOutage(Throwable failure) {
        return anyCause(failure, cause -> isResourceFailure(cause) || cause instanceof TransactionRolledbackLocalException
                || cause instanceof EJBTransactionRolledbackException || cause instanceof RollbackException
                || cause instanceof SystemException);
    }

    private static boolean isResourceFailure(Throwable cause) {
        return cause instanceof SQLException || cause instanceof PersistenceException || cause instanceof JMSException
                || cause instanceof JMSRuntimeException || cause instanceof ResourceException;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
