package dev.tandem.transfer.control;

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
import java.util.function.Predicate;

/**
 * What kind of failure reached a caller: the providers report the same things in many ways, unwrapped
 * or wrapped in an EJBException, so the whole chain of causes is looked at.
 */
public final class TransactionFailures {

    private TransactionFailures() {
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
