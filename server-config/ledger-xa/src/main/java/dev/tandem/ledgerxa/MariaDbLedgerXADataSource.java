package dev.tandem.ledgerxa;

import java.sql.SQLException;
import javax.sql.XAConnection;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source, configured the same way, whose XA branches survive a connection lost in
 * phase 2 ({@link LedgerXAResource}). (MariaDB refuses to prepare a transaction it has rolled back.)
 */
public class MariaDbLedgerXADataSource extends MariaDbDataSource {

    private HeldPrepares heldPrepares = HeldPrepares.NONE;

    /** For tests: while this file exists, prepares are held once the database has prepared ({@link HeldPrepares}). */
    public void setPreparesHeldWhile(String file) {
        heldPrepares = HeldPrepares.whileExists(file);
    }

    public String getPreparesHeldWhile() {
        return heldPrepares.file();
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return ledgerConnection(super.getXAConnection(), super::getXAConnection, getUser());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return ledgerConnection(super.getXAConnection(user, password), () -> super.getXAConnection(user, password), user);
    }

    private XAConnection ledgerConnection(XAConnection opened, LedgerXAResource.XAConnectionSource fresh, String user)
            throws SQLException {
        return new LedgerXAConnection(opened, fresh, () -> false, heldPrepares, OwedRollbacks.of(getUrl(), user));
    }
}
