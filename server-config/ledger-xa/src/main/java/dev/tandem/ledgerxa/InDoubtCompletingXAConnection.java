package dev.tandem.ledgerxa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/**
 * H2's XA connection with an {@link InDoubtCompletingXAResource} in front of its XA resource, which
 * also decides when the connection and its handle may really close, when a new handle may be given out,
 * and whether a handle may take transaction control into its own hands.
 */
final class InDoubtCompletingXAConnection implements XAConnection {

    private final XAConnection h2;
    private final InDoubtCompletingXAResource resource;

    InDoubtCompletingXAConnection(XAConnection h2, String database,
            InDoubtCompletingXAResource.ConnectionSource plainConnections, HeldPrepares heldPrepares) throws SQLException {
        this.h2 = h2;
        this.resource = new InDoubtCompletingXAResource(h2.getXAResource(), database, plainConnections, heldPrepares);
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        resource.checkServesNewWork();
        Connection handle = h2.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        resource.closeWhenSettled(handle::close);
                        return null;
                    }
                    if (isLocalTransactionControl(method.getName(), arguments)) {
                        resource.checkLocalTransactionControl(method.getName());
                    }
                    try {
                        return method.invoke(handle, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What JDBC forbids on a connection taking part in a distributed transaction. */
    private static boolean isLocalTransactionControl(String method, Object[] arguments) {
        return switch (method) {
            case "commit", "rollback", "setSavepoint" -> true;
            case "setAutoCommit" -> Boolean.TRUE.equals(arguments[0]);
            default -> false;
        };
    }

    @Override
    public void close() throws SQLException {
        resource.closeWhenSettled(h2::close);
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        h2.addConnectionEventListener(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        h2.removeConnectionEventListener(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        h2.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        h2.removeStatementEventListener(listener);
    }
}
