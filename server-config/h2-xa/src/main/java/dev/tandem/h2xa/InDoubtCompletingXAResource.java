package dev.tandem.h2xa;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.h2.api.ErrorCode;

/**
 * H2's XA resource, with two repairs. A branch this connection did not start — one that a crash left in
 * doubt, named by {@link #recover} — is committed or rolled back by name ({@code COMMIT TRANSACTION} /
 * {@code ROLLBACK TRANSACTION}) on a connection of its own. And a connection that holds a prepared
 * branch is not closed until the branch's outcome is in: H2 rolls back whatever is open on a connection
 * it closes, prepared or not, so a pool that drops its connections while the transaction manager is
 * still committing (a database outage, a pool reconfigured) would otherwise undo a branch that was
 * decided to commit. Branches this connection started are otherwise left to H2 as they are.
 */
final class InDoubtCompletingXAResource implements XAResource {

    /** Opens a plain connection to the same database, with the same credentials. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final Base64.Encoder XID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final XAResource h2;
    private final ConnectionSource plainConnections;
    private final Set<String> ownBranches = ConcurrentHashMap.newKeySet();
    private final Set<String> preparedBranches = ConcurrentHashMap.newKeySet();
    private Closing deferredClose;

    /** Closes the connection behind this resource. */
    @FunctionalInterface
    interface Closing {
        void close() throws SQLException;
    }

    InDoubtCompletingXAResource(XAResource h2, ConnectionSource plainConnections) {
        this.h2 = h2;
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
        preparedBranches.add(transactionName(xid));
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
     * Closes the connection now, or, while a branch it prepared awaits its outcome, as soon as the
     * outcome is in.
     */
    synchronized void closeWhenSettled(Closing closing) throws SQLException {
        if (preparedBranches.isEmpty()) {
            closing.close();
        } else {
            deferredClose = closing;
        }
    }

    private synchronized void settled(String name) {
        ownBranches.remove(name);
        preparedBranches.remove(name);
        if (deferredClose != null && preparedBranches.isEmpty()) {
            try {
                deferredClose.close();
            } catch (SQLException e) {
                // the branch is settled; a connection that does not close cleanly changes nothing
            } finally {
                deferredClose = null;
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
        } catch (XAException | RuntimeException e) {
            ownBranches.remove(name);
            throw e;
        }
        settled(name);
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
