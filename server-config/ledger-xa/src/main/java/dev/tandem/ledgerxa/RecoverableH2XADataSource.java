package dev.tandem.ledgerxa;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2's {@link JdbcDataSource} as an {@link XADataSource} whose connections complete every branch a crash
 * left in doubt. H2 (2.3) keeps one "prepared" flag per connection: {@code recover} sets it, the first
 * commit or rollback clears it, and after that {@code rollback(xid)} silently does nothing. So when a
 * transaction manager recovering after a crash rolls back several branches, all but the first stay in
 * doubt, holding their locks. See {@link InDoubtCompletingXAResource}. Configured like H2's own:
 * properties {@code URL}, {@code user}, {@code password}; for tests also {@code unreachableWhile} and
 * {@code preparesHeldWhile}.
 */
public class RecoverableH2XADataSource implements XADataSource {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private Path unreachableWhile;
    private HeldPrepares heldPrepares = HeldPrepares.NONE;

    public void setURL(String url) {
        h2.setURL(url);
    }

    public String getURL() {
        return h2.getURL();
    }

    public void setUser(String user) {
        h2.setUser(user);
    }

    public String getUser() {
        return h2.getUser();
    }

    public void setPassword(String password) {
        h2.setPassword(password);
    }

    public void setDescription(String description) {
        h2.setDescription(description);
    }

    public String getDescription() {
        return h2.getDescription();
    }

    /**
     * For outage tests: while this file exists, the database refuses new connections as one that is down
     * would. An embedded database lives inside the server's JVM and cannot be stopped on its own.
     */
    public void setUnreachableWhile(String file) {
        unreachableWhile = file == null || file.isBlank() ? null : Path.of(file);
    }

    public String getUnreachableWhile() {
        return unreachableWhile == null ? null : unreachableWhile.toString();
    }

    /** For tests: while this file exists, prepares are held once H2 has prepared ({@link HeldPrepares}). */
    public void setPreparesHeldWhile(String file) {
        heldPrepares = HeldPrepares.whileExists(file);
    }

    public String getPreparesHeldWhile() {
        return heldPrepares.file();
    }

    private void refuseWhileUnreachable() throws SQLException {
        if (unreachableWhile != null && Files.exists(unreachableWhile)) {
            throw new SQLNonTransientConnectionException("the database " + getURL() + " is unreachable (" + unreachableWhile
                    + " exists)", "08001");
        }
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        refuseWhileUnreachable();
        return new InDoubtCompletingXAConnection(h2.getXAConnection(), getURL(), h2::getConnection, heldPrepares);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        refuseWhileUnreachable();
        return new InDoubtCompletingXAConnection(h2.getXAConnection(user, password), getURL(), () -> h2.getConnection(user, password),
                heldPrepares);
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }
}
