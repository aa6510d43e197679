package dev.tandem.ledgerxa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.h2.api.ErrorCode;

/**
 * H2's XA resource, with two repairs.
 * <p>
 * A branch this connection did not start — one that a crash left in doubt, named by {@link #recover} —
 * is committed or rolled back by name ({@code COMMIT TRANSACTION} / {@code ROLLBACK TRANSACTION}) on a
 * connection of its own.
 * <p>
 * And a branch is in flight from its {@code start} until its outcome: meanwhile neither the connection
 * nor its handle is closed, no new handle is given out, and the handle refuses {@code commit},
 * {@code rollback} and {@code setAutoCommit(true)}. H2 alone undoes whatever is open on the session
 * when a handle is closed or a new one given out (and commits it on {@code setAutoCommit(true)}),
 * prepared or not, and afterwards still votes XA_OK on prepare: the branch's work is gone while the
 * other resources commit. A pool closes connections in use when it is flushed or recreated, and when
 * the transaction manager gives up phase 2 part-way. The closing waits for the outcome, whichever
 * connection delivers it; a connection whose branch another connection completed (recovery) is
 * retired, as H2 would refuse its next branch.
 * <p>
 * Every phase of a branch is logged at FINE with its XID ({@link Xids}).
 */
final class InDoubtCompletingXAResource implements XAResource {

    /** Opens a plain connection to the same database, with the same credentials. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Closes the connection behind this resource, or a handle on it. */
    @FunctionalInterface
    interface Closing {
        void close() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(InDoubtCompletingXAResource.class.getName());

    private static final Base64.Encoder XID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Which resource holds each prepared branch, by database and branch name, so that whoever completes it can tell. */
    private static final Map<String, InDoubtCompletingXAResource> HOLDERS_OF_PREPARED = new ConcurrentHashMap<>();

    private final XAResource h2;
    private final String database;
    private final ConnectionSource plainConnections;
    private final HeldPrepares heldPrepares;
    /** Branches started here and not completed yet. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Branches prepared here and not completed yet (also after a failed attempt to complete them here). */
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private final List<Closing> deferredClosings = new ArrayList<>();
    private boolean retired;

    InDoubtCompletingXAResource(XAResource h2, String database, ConnectionSource plainConnections, HeldPrepares heldPrepares) {
        this.h2 = h2;
        this.database = database;
        this.plainConnections = plainConnections;
        this.heldPrepares = heldPrepares;
    }

    /** The name H2 gives the transaction of a branch (as in {@code INFORMATION_SCHEMA.IN_DOUBT}). */
    static String transactionName(Xid xid) {
        return "XID|" + xid.getFormatId() + '|' + XID_ENCODER.encodeToString(xid.getBranchQualifier()) + '|'
                + XID_ENCODER.encodeToString(xid.getGlobalTransactionId());
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        LOG.fine(() -> "start " + Xids.describe(xid) + " flags " + flags + " on " + database);
        String name = transactionName(xid);
        // in flight before H2 hears of it: a pool closing the connection from now on waits for the outcome
        boolean added = inFlight.add(name);
        try {
            h2.start(xid, flags);
        } catch (XAException | RuntimeException e) {
            if (added) {
                settled(name);
            }
            throw e;
        }
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        LOG.fine(() -> "end " + Xids.describe(xid) + " flags " + flags + " on " + database);
        h2.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        int vote = h2.prepare(xid);
        heldPrepares.holdAfterPrepare(xid);
        String name = transactionName(xid);
        prepared.add(name);
        HOLDERS_OF_PREPARED.put(holderKey(name), this);
        LOG.fine(() -> "prepared " + Xids.describe(xid) + ", vote " + vote + ", on " + database);
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        LOG.fine(() -> "commit " + Xids.describe(xid) + (onePhase ? " in one phase" : "") + " on " + database);
        complete(xid, "COMMIT", () -> h2.commit(xid, onePhase));
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        LOG.fine(() -> "rollback " + Xids.describe(xid) + " on " + database);
        complete(xid, "ROLLBACK", () -> h2.rollback(xid));
    }

    private interface Completion {
        void run() throws XAException;
    }

    /**
     * Completes a branch this connection started through H2's resource; any other, or one whose completion
     * failed here before, by name on a fresh connection.
     */
    private void complete(Xid xid, String resolution, Completion own) throws XAException {
        String name = transactionName(xid);
        if (!inFlight.contains(name)) {
            completeByName(resolution, xid);
            return;
        }
        try {
            own.run();
        } catch (XAException e) {
            LOG.log(Level.WARNING, resolution + " of " + Xids.describe(xid) + " on " + database + " failed; a retry goes by name", e);
            noLongerInFlight(name);
            throw classified(e);
        } catch (RuntimeException e) {
            noLongerInFlight(name);
            throw e;
        }
        settled(name);
    }

    /**
     * Closes the connection or its handle now, or, while a branch is in flight on it, as soon as its
     * outcome is in.
     */
    synchronized void closeWhenSettled(Closing closing) throws SQLException {
        if (awaitsOutcome()) {
            LOG.fine(() -> "closing deferred until " + inFlight + " " + prepared + " are settled on " + database);
            deferredClosings.add(closing);
        } else {
            closing.close();
        }
    }

    /**
     * Refuses a new handle while a branch is in flight on this connection, and for good once another
     * connection has completed one of its branches. A pool that validates its connections then drops this one.
     */
    synchronized void checkServesNewWork() throws SQLException {
        if (awaitsOutcome()) {
            throw new SQLException("Branch " + inFlight + " is in flight on this connection until its outcome", "55000");
        }
        if (retired) {
            throw new SQLException("Another connection completed a branch of this one; this connection is retired", "55000");
        }
    }

    /** Refuses local transaction control on a handle while a branch is in flight, as JDBC asks of an XA connection. */
    synchronized void checkLocalTransactionControl(String call) throws SQLException {
        if (awaitsOutcome()) {
            throw new SQLException(call + " is not allowed while branch " + inFlight + " is in flight on this connection", "25000");
        }
    }

    private boolean awaitsOutcome() {
        return !inFlight.isEmpty() || !prepared.isEmpty();
    }

    private String holderKey(String name) {
        return database + ' ' + name;
    }

    private void settledElsewhere(String name) {
        synchronized (this) {
            retired = true;
        }
        settled(name);
    }

    /** The branch's outcome is in, whoever delivered it. */
    private void settled(String name) {
        InDoubtCompletingXAResource holder = HOLDERS_OF_PREPARED.remove(holderKey(name));
        if (holder != null && holder != this) {
            holder.settledElsewhere(name);
        }
        prepared.remove(name);
        noLongerInFlight(name);
    }

    /** No longer in flight here; a prepared branch still awaits its outcome, from a retry by name. */
    private void noLongerInFlight(String name) {
        List<Closing> closings;
        synchronized (this) {
            inFlight.remove(name);
            if (awaitsOutcome() || deferredClosings.isEmpty()) {
                return;
            }
            closings = List.copyOf(deferredClosings);
            deferredClosings.clear();
        }
        for (Closing closing : closings) {
            try {
                closing.close();
            } catch (SQLException e) {
                // the branch is settled; a connection that does not close cleanly changes nothing
            }
        }
    }

    /**
     * H2 reports every failed commit or rollback with error code 0, which a transaction manager can only
     * take for a heuristic hazard (Narayana does, and then never retries it). When the database was closed
     * or the connection lost, the branch is still prepared in the database: that is XAER_RMFAIL, and the
     * transaction manager completes it later through recovery.
     */
    static XAException classified(XAException failure) {
        if (failure.errorCode != 0) {
            return failure;
        }
        if (ConnectionLoss.causes(failure.getCause())) {
            var unavailable = new XAException(XAException.XAER_RMFAIL);
            unavailable.initCause(failure);
            return unavailable;
        }
        return failure;
    }

    private void completeByName(String resolution, Xid xid) throws XAException {
        String name = transactionName(xid);
        try (Connection connection = plainConnections.open(); Statement statement = connection.createStatement()) {
            statement.execute(resolution + " TRANSACTION \"" + name + '"');
            settled(name);
        } catch (SQLException e) {
            var failure = new XAException(e.getErrorCode() == ErrorCode.TRANSACTION_NOT_FOUND_1
                    ? XAException.XAER_NOTA : XAException.XAER_RMERR);
            failure.initCause(e);
            LOG.log(Level.WARNING, resolution + " of " + Xids.describe(xid) + " by name on " + database + " failed", e);
            throw failure;
        }
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return h2.recover(flag);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        h2.forget(xid);
        settled(transactionName(xid));
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return h2.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return h2.setTransactionTimeout(seconds);
    }
}
