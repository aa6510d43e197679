package dev.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Makes ledger B unreachable for as long as it is open, so that every transaction that touches it fails
 * to get a connection, as in a real outage; closing it ends the outage. The database refuses new
 * sessions, and the server's pool is flushed, as a database restart would end its connections:
 * <ul>
 * <li>embedded ledgers: the ledger's data source refuses new connections while a file exists
 * (server-config/ledger-xa, wired by the test servers' configuration); an embedded database lives inside
 * the server's JVM and cannot be stopped on its own;</li>
 * <li>real ledgers: MariaDB locks the ledger's account, so that it refuses new sessions.</li>
 * </ul>
 */
final class LedgerOutage implements AutoCloseable {

    private static final String POOL = "tandem-ledger-b";
    private static final Path OUTAGE_FILE = Path.of(System.getProperty("tandem.faults.dir", "target/faults"), "ledger-b.unreachable");
    private static final String MARIADB_USER = RealLedgers.DB_NAME;

    private final Runnable end;

    private LedgerOutage(Runnable end) {
        this.end = end;
    }

    static LedgerOutage ofLedgerB() {
        if (Tandem.REAL_LEDGERS) {
            mariaDbAccounts("LOCK");
            Tandem.SERVER.flushConnectionPool(POOL);
            return new LedgerOutage(() -> mariaDbAccounts("UNLOCK"));
        }
        try {
            Files.createDirectories(OUTAGE_FILE.getParent());
            Files.writeString(OUTAGE_FILE, "ledger B is down for a test\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tandem.SERVER.flushConnectionPool(POOL);
        return new LedgerOutage(() -> {
            try {
                Files.delete(OUTAGE_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        end.run();
    }

    private static void mariaDbAccounts(String lockOrUnlock) {
        try (var connection = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); var statement = connection.createStatement()) {
            statement.execute("ALTER USER '" + MARIADB_USER + "'@'127.0.0.1', '" + MARIADB_USER + "'@'localhost' ACCOUNT "
                    + lockOrUnlock);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + lockOrUnlock + " MariaDB's account " + MARIADB_USER, e);
        }
    }
}
