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
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.h2.api.ErrorCode;

/**
 * H2's XA resource, with two repairs. A branch this connection did not start — one that a crash left in
 * doubt, named by {@link #recover} — is committed or rolled back by name ({@code COMMIT TRANSACTION} /
 * {@code ROLLBACK TRANSACTION}) on a connection of its own. And while a branch this connection prepared
 * awaits its outcome, neither the connection nor its handle is closed, and no new handle is given out:
 * H2 rolls back whatever is open on the session when any of these happens, prepared or not. A pool does
 * all three when the transaction manager gives up phase 2 part-way (a resource gone, the outcome left to
 * recovery) or when a database outage makes it drop its connections; H2 would then undo a branch that
 * was decided to commit. The closing waits for the outcome, whichever connection delivers it; a connection
 * whose branch another connection completed (recovery) is retired, as H2 would refuse its next branch.
 * Branches this connection started are otherwise left to H2 as they are.
 */
final class InDoubtCompletingXAResource implements XAResource {

    /** Opens a plain connection to the same database, with the same credentials. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final Base64.Encoder XID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Which resource holds each prepared branch, by database and branch name, so that whoever completes it can tell. */
    private static final Map<String, InDoubtCompletingXAResource> HOLDERS_OF_PREPARED = new ConcurrentHashMap<>();

    private final XAResource h2;
    private final String database;
    private final ConnectionSource plainConnections;
    private final Set<String> ownBranches = ConcurrentHashMap.newKeySet();
    private final Set<String> preparedBranches = ConcurrentHashMap.newKeySet();
    private final List<Closing> deferredClosings = new ArrayList<>();
    private boolean retired;

    /** Closes the connection behind this resource, or a handle on it. */
    @FunctionalInterface
    interface Closing {
        void close() throws SQLException;
    }

    InDoubtCompletingXAResource(XAResource h2, String database, ConnectionSource plainConnections) {
        this.h2 = h2;
        this.database = database;
        this.plainConnections = plainConnections;
    }

    /** The name H2 gives the transaction of a branch (as in {@code INFORMATION_SCHEMA.IN_DOUBT}). */
    static String transactionName(Xid xid) {
        return "XID|" + xid.getFormatId() + '|' + XID_ENCODER.encodeToString(xid.getBranchQualifier()) + '|'
                + XID_ENCODER.encodeToString(xid.getGlobalTransactionId());
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        h2.start(xid, flags);
        ownBranches.add(transactionName(xid));
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        h2.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        int vote = h2.prepare(xid);
        String name = transactionName(xid);
        preparedBranches.add(name);
        HOLDERS_OF_PREPARED.put(holderKey(name), this);
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        String name = transactionName(xid);
        if (ownBranches.contains(name)) {
            completeOwn(name, () -> h2.commit(xid, onePhase));
        } else {
            completeInDoubt("COMMIT", xid);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        String name = transactionName(xid);
        if (ownBranches.contains(name)) {
            completeOwn(name, () -> h2.rollback(xid));
        } else {
            completeInDoubt("ROLLBACK", xid);
        }
    }

    /**
     * Closes the connection or its handle now, or, while a branch it prepared awaits its outcome, as soon
     * as the outcome is in.
     */
    synchronized void closeWhenSettled(Closing closing) throws SQLException {
        if (preparedBranches.isEmpty()) {
            closing.close();
        } else {
            deferredClosings.add(closing);
        }
    }

    /**
     * Refuses a new handle while a branch prepared on this connection awaits its outcome, and for good once
     * another connection has completed one of its branches. A pool that validates its connections then
     * drops this one.
     */
    synchronized void checkServesNewWork() throws SQLException {
        if (!preparedBranches.isEmpty()) {
            throw new SQLException("Branch " + preparedBranches + " prepared on this connection awaits its outcome",
                    "55000");
        }
        if (retired) {
            throw new SQLException("Another connection completed a branch of this one; this connection is retired",
                    "55000");
        }
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

    private void settled(String name) {
        InDoubtCompletingXAResource holder = HOLDERS_OF_PREPARED.remove(holderKey(name));
        if (holder != null && holder != this) {
            holder.settledElsewhere(name);
        }
        List<Closing> closings;
        synchronized (this) {
            ownBranches.remove(name);
            if (!preparedBranches.remove(name) || !preparedBranches.isEmpty()) {
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

    private interface Completion {
        void run() throws XAException;
    }

    /** Completes a branch this connection started; should that fail, a retry goes by name, on a fresh connection. */
    private void completeOwn(String name, Completion completion) throws XAException {
        try {
            completion.run();
        } catch (XAException e) {
            ownBranches.remove(name);
            throw classified(e);
        } catch (RuntimeException e) {
            ownBranches.remove(name);
            throw e;
        }
        settled(name);
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

    private void completeInDoubt(String resolution, Xid xid) throws XAException {
        String name = transactionName(xid);
        try (Connection connection = plainConnections.open(); Statement statement = connection.createStatement()) {
            statement.execute(resolution + " TRANSACTION \"" + name + '"');
            settled(name);
        } catch (SQLException e) {
            var failure = new XAException(e.getErrorCode() == ErrorCode.TRANSACTION_NOT_FOUND_1
                    ? XAException.XAER_NOTA : XAException.XAER_RMERR);
            failure.initCause(e);
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
