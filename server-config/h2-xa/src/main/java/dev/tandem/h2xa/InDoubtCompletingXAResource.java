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
 * H2's XA resource, except that a branch this connection did not start — one that a crash left in
 * doubt, named by {@link #recover} — is committed or rolled back by name ({@code COMMIT TRANSACTION} /
 * {@code ROLLBACK TRANSACTION}) on a connection of its own. Branches this connection started are left
 * to H2 as they are.
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
        return h2.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (ownBranches.remove(transactionName(xid))) {
            h2.commit(xid, onePhase);
        } else {
            completeInDoubt("COMMIT", xid);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        if (ownBranches.remove(transactionName(xid))) {
            h2.rollback(xid);
        } else {
            completeInDoubt("ROLLBACK", xid);
        }
    }

    private void completeInDoubt(String resolution, Xid xid) throws XAException {
        try (Connection connection = plainConnections.open(); Statement statement = connection.createStatement()) {
            statement.execute(resolution + " TRANSACTION \"" + transactionName(xid) + '"');
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
        ownBranches.remove(transactionName(xid));
        h2.forget(xid);
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
