package dev.tandem.ledgerxa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/**
 * A driver's XA connection with a {@link LedgerXAResource} in front of its XA resource. Opening one
 * proves the database can be reached: the rollbacks owed to it are done first ({@link OwedRollbacks}).
 */
final class LedgerXAConnection implements XAConnection {

    private final XAConnection driver;
    private final LedgerXAResource resource;

    LedgerXAConnection(XAConnection driver, LedgerXAResource.XAConnectionSource fresh, BooleanSupplier transactionFailed,
            HeldPrepares heldPrepares, OwedRollbacks owedRollbacks) throws SQLException {
        owedRollbacks.settle(fresh);
        this.driver = driver;
        this.resource = new LedgerXAResource(driver.getXAResource(), fresh, transactionFailed, heldPrepares, owedRollbacks);
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver.getConnection();
    }

    @Override
    public void close() throws SQLException {
        driver.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        driver.addConnectionEventListener(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        driver.removeConnectionEventListener(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        driver.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        driver.removeStatementEventListener(listener);
    }
}
