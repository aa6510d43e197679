package dev.tandem.ledgerxa;

import java.sql.SQLException;
import javax.sql.XAConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.xa.PGXAConnection;
import org.postgresql.xa.PGXADataSource;

/**
 * PostgreSQL's XA data source, configured the same way, with the repairs of {@link LedgerXAResource}:
 * whether the server has failed a connection's transaction is what the connection last heard from it.
 */
public class PostgresLedgerXADataSource extends PGXADataSource {

    private transient HeldPrepares heldPrepares = HeldPrepares.NONE;

    /** For tests: while this file exists, prepares are held once the database has prepared ({@link HeldPrepares}). */
    public void setPreparesHeldWhile(String file) {
        heldPrepares = HeldPrepares.whileExists(file);
    }

    public String getPreparesHeldWhile() {
        return heldPrepares.file();
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return getXAConnection(getUser(), getPassword());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        // as PGXADataSource does it, keeping hold of the physical connection
        var physical = (BaseConnection) getConnection(user, password);
        return new LedgerXAConnection(new PGXAConnection(physical), () -> super.getXAConnection(user, password),
                () -> physical.getTransactionState() == TransactionState.FAILED, heldPrepares, OwedRollbacks.of(getUrl(), user));
    }
}
