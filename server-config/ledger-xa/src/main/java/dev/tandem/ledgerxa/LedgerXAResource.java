package dev.tandem.ledgerxa;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A driver's XA resource, with two repairs, so that no branch is reported lost while it is not, nor
 * prepared while it was rolled back.
 * <p>
 * Phase 2 outlives the connection. When the connection goes down between prepare and commit (the
 * database restarted, the server stopped), the branch stays prepared in the database, but the drivers
 * report it in ways a transaction manager takes as final: PostgreSQL's as XAER_RMERR ("rolled back"),
 * MariaDB's with error code 0. Here a commit or rollback that lost its connection is done again on a
 * fresh connection from the same data source (both databases complete a prepared branch from any
 * session). If the database cannot be reached yet, a commit answers XA_RETRY, so that the transaction
 * manager keeps its decision and tries again (Payara in place, Narayana through recovery); a rollback
 * answers XAER_RMFAIL and is owed to the database until it can be reached again ({@link OwedRollbacks}).
 * <p>
 * Prepare (and a one-phase commit) refuses a transaction the database has already failed. PostgreSQL
 * turns {@code PREPARE TRANSACTION} (or {@code COMMIT}) in a transaction that met an error into a
 * rollback, without an error, and its driver answers XA_OK: the transaction manager then commits the
 * other resources, and the commit of this one finds nothing. Here such a branch is rolled back and the
 * answer is XA_RBROLLBACK, so that every resource rolls back.
 * <p>
 * Everything else goes to the driver unchanged.
 */
final class LedgerXAResource implements XAResource {

    private static final Logger LOG = Logger.getLogger(LedgerXAResource.class.getName());

    /** A new XA connection to the same database, with the same credentials. */
    @FunctionalInterface
    interface XAConnectionSource {
        XAConnection open() throws SQLException;
    }

    private final XAResource driver;
    private final XAConnectionSource fresh;
    private final BooleanSupplier transactionFailed;
    private final HeldPrepares heldPrepares;
    private final OwedRollbacks owedRollbacks;

    /**
     * @param transactionFailed whether the database has failed the transaction on this connection (a
     *                          statement met an error), for a driver that would prepare it regardless
     */
    LedgerXAResource(XAResource driver, XAConnectionSource fresh, BooleanSupplier transactionFailed, HeldPrepares heldPrepares,
            OwedRollbacks owedRollbacks) {
        this.driver = driver;
        this.fresh = fresh;
        this.transactionFailed = transactionFailed;
        this.heldPrepares = heldPrepares;
        this.owedRollbacks = owedRollbacks;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        refuseIfFailed(xid);
        int vote = driver.prepare(xid);
        heldPrepares.holdAfterPrepare(xid);
        LOG.fine(() -> "prepared " + Xids.describe(xid) + ", vote " + vote);
        return vote;
    }

    /** A failed transaction can never commit: roll it back, and say so ({@code COMMIT} would be as silent). */
    private void refuseIfFailed(Xid xid) throws XAException {
        if (transactionFailed.getAsBoolean()) {
            LOG.warning(() -> "Branch " + Xids.describe(xid) + " met an error in the database before it was to commit; rolling it back");
            var rolledBack = new XAException(XAException.XA_RBROLLBACK);
            try {
                driver.rollback(xid);
            } catch (XAException e) {
                // the database rolls back a failed transaction anyway
                rolledBack.addSuppressed(e);
            }
            throw rolledBack;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        LOG.fine(() -> "commit " + Xids.describe(xid) + (onePhase ? " in one phase" : ""));
        if (onePhase) {
            refuseIfFailed(xid);
        }
        try {
            driver.commit(xid, onePhase);
        } catch (XAException failure) {
            // a one-phase commit was never prepared: the database rolled it back with the connection
            if (onePhase || !ConnectionLoss.causes(failure)) {
                throw failure;
            }
            completeElsewhere(xid, failure, true);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        LOG.fine(() -> "rollback " + Xids.describe(xid));
        try {
            driver.rollback(xid);
        } catch (XAException failure) {
            if (!ConnectionLoss.causes(failure)) {
                throw failure;
            }
            completeElsewhere(xid, failure, false);
        }
    }

    private void completeElsewhere(Xid xid, XAException lost, boolean commit) throws XAException {
        LOG.log(Level.WARNING, (commit ? "Commit" : "Rollback") + " of " + Xids.describe(xid)
                + " lost its connection; completing it on a fresh one", lost);
        try {
            XAConnection connection = fresh.open();
            try {
                XAResource resource = connection.getXAResource();
                if (commit) {
                    resource.commit(xid, false);
                } else {
                    resource.rollback(xid);
                }
            } finally {
                connection.close();
            }
        } catch (XAException again) {
            if (again.errorCode == XAException.XAER_NOTA) {
                // no longer prepared: the lost attempt went through before the connection broke
                return;
            }
            throw ConnectionLoss.causes(again) ? notYet(xid, commit, lost) : again;
        } catch (SQLException unreachable) {
            lost.addSuppressed(unreachable);
            throw notYet(xid, commit, lost);
        }
    }

    private XAException notYet(Xid xid, boolean commit, XAException lost) {
        if (!commit) {
            owedRollbacks.owe(xid);
        }
        var notYet = new XAException(commit ? XAException.XA_RETRY : XAException.XAER_RMFAIL);
        notYet.initCause(lost);
        return notYet;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        LOG.fine(() -> "start " + Xids.describe(xid) + " flags " + flags);
        driver.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        LOG.fine(() -> "end " + Xids.describe(xid) + " flags " + flags);
        driver.end(xid, flags);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return driver.recover(flag);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        driver.forget(xid);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return driver.isSameRM(other instanceof LedgerXAResource ledger ? ledger.driver : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return driver.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return driver.setTransactionTimeout(seconds);
    }
}
