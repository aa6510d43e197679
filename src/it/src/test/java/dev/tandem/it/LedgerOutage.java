package dev.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Makes ledger B unreachable for as long as it is open, so that every transaction that touches it fails
 * to get a connection, as in a real outage; closing it ends the outage. How depends on the server:
 * <ul>
 * <li>Payara: ledger B's connection pool is pointed at a database address where nothing listens
 * (a pool property Payara applies at once), and back.</li>
 * <li>WildFly, embedded ledgers: the ledger's data source refuses new connections while a file exists
 * (server-config/ledger-xa, wired by server-config/wildfly/test-faults-embedded.cli); WildFly cannot
 * repoint a data source without a reload.</li>
 * <li>WildFly, real ledgers: MariaDB locks the ledger's account, so that it refuses new sessions.</li>
 * </ul>
 * On WildFly the pool's existing connections are dropped as well, as a database restart would.
 */
final class LedgerOutage implements AutoCloseable {

    private static final String PAYARA_URL_PROPERTY = "resources.jdbc-connection-pool.tandem-ledger-b.property." + (Tandem.REAL_LEDGERS ? "url" : "URL");
    private static final String UNREACHABLE = Tandem.REAL_LEDGERS ? "jdbc:mariadb://127.0.0.1:9/unreachable" : "jdbc:h2:tcp://127.0.0.1:9/unreachable";
    private static final Path OUTAGE_FILE = Path.of(System.getProperty("tandem.faults.dir", "target/faults"), "ledger-b.unreachable");
    private static final String MARIADB_USER = RealLedgers.DB_NAME;

    private final Runnable end;

    private LedgerOutage(Runnable end) {
        this.end = end;
    }

    static LedgerOutage ofLedgerB() {
        if (Tandem.SERVER == AppServer.PAYARA) {
            String url = payaraPoolUrl();
            AppServer.asadmin("set", PAYARA_URL_PROPERTY + "=" + UNREACHABLE);
            return new LedgerOutage(() -> AppServer.asadmin("set", PAYARA_URL_PROPERTY + "=" + url));
        }
        if (Tandem.REAL_LEDGERS) {
            mariaDbAccounts("LOCK");
            dropWildFlyConnections();
            return new LedgerOutage(() -> mariaDbAccounts("UNLOCK"));
        }
        try {
            Files.createDirectories(OUTAGE_FILE.getParent());
            Files.writeString(OUTAGE_FILE, "ledger B is down for a test\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dropWildFlyConnections();
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

    private static String payaraPoolUrl() {
        String output = AppServer.asadmin("get", PAYARA_URL_PROPERTY);
        String url = output.lines().filter(line -> line.startsWith(PAYARA_URL_PROPERTY + "=")).findFirst()
                .map(line -> line.substring(PAYARA_URL_PROPERTY.length() + 1))
                .orElseThrow(() -> new IllegalStateException("no URL in: " + output));
        if (url.equals(UNREACHABLE)) {
            throw new IllegalStateException("ledger B is already cut off; a previous run did not restore " + PAYARA_URL_PROPERTY);
        }
        return url;
    }

    private static void dropWildFlyConnections() {
        AppServer.jbossCli("/subsystem=datasources/xa-data-source=tandem-ledger-b:flush-all-connection-in-pool");
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
