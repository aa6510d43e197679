package dev.tandem.ledgerxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against this machine's PostgreSQL and MariaDB (run with -Preal-ledgers): a branch whose connection is
 * killed by the database between prepare and commit is still committed, on a fresh connection, where
 * the drivers alone report it as rolled back (PostgreSQL) or with no error code at all (MariaDB) and leave
 * it prepared; and a PostgreSQL transaction in which a statement failed is not prepared, where the driver
 * alone answers XA_OK while the server rolls it back. Uses a scratch database of its own on each
 * server, as the administrator.
 */
class LedgerXADataSourcesIT {

    private static final String DATABASE = "tandem_ledgerxa_it";
    private static final String PG_ADMIN = "jdbc:postgresql://" + host("TANDEM_PG_HOST") + ":" + port("TANDEM_PG_PORT", 5432) + "/";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://" + host("TANDEM_MARIADB_HOST") + ":" + port("TANDEM_MARIADB_PORT", 3306) + "/";
    private static final String PG_USER = System.getenv().getOrDefault("TANDEM_PG_ADMIN", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "");
    private static final String MARIADB_USER = System.getenv().getOrDefault("TANDEM_MARIADB_ADMIN", "root");
    private static final String MARIADB_PASSWORD = System.getenv().getOrDefault("MYSQL_PWD", "");

    private static String host(String variable) {
        return System.getenv().getOrDefault(variable, "127.0.0.1");
    }

    private static int port(String variable, int standard) {
        return Integer.parseInt(System.getenv().getOrDefault(variable, String.valueOf(standard)));
    }

    private static Connection postgres(String database) throws SQLException {
        return DriverManager.getConnection(PG_ADMIN + database, PG_USER, PG_PASSWORD);
    }

    private static Connection mariaDb(String database) throws SQLException {
        return DriverManager.getConnection(MARIADB_ADMIN + database, MARIADB_USER, MARIADB_PASSWORD);
    }

    @BeforeAll
    static void createScratchDatabases() throws SQLException {
        dropScratchDatabases();
        try (Connection admin = postgres("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection admin = postgres(DATABASE); Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE entry (id INT PRIMARY KEY)");
        }
        try (Connection admin = mariaDb(""); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE TABLE " + DATABASE + ".entry (id INT PRIMARY KEY) ENGINE=InnoDB");
        }
    }

    @AfterAll
    static void dropScratchDatabases() throws SQLException {
        try (Connection admin = postgres("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        try (Connection admin = mariaDb(""); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static PostgresLedgerXADataSource postgresDataSource() {
        var dataSource = new PostgresLedgerXADataSource();
        dataSource.setUrl(PG_ADMIN + DATABASE);
        dataSource.setUser(PG_USER);
        dataSource.setPassword(PG_PASSWORD);
        return dataSource;
    }

    @Test
    void postgresBranchIsCommittedAfterTheServerEndedItsConnection() throws Exception {
        committedAfterItsConnectionIsKilled(postgresDataSource(), "SELECT pg_backend_pid()", "SELECT pg_terminate_backend(%d)",
                () -> postgres(DATABASE));
    }

    @Test
    void postgresTransactionWithAFailedStatementIsRolledBackAtPrepare() throws Exception {
        XAConnection connection = postgresDataSource().getXAConnection();
        XAResource resource = connection.getXAResource();
        Xid xid = new TestXid(System.nanoTime());
        try (Connection handle = connection.getConnection(); Statement statement = handle.createStatement()) {
            resource.start(xid, XAResource.TMNOFLAGS);
            statement.execute("INSERT INTO entry VALUES (2)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO entry VALUES (2)")).isInstanceOf(SQLException.class);
            resource.end(xid, XAResource.TMSUCCESS);

            assertThatThrownBy(() -> resource.prepare(xid)).isInstanceOfSatisfying(XAException.class,
                    e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBROLLBACK));
        } finally {
            connection.close();
        }
        assertThat(count(() -> postgres(DATABASE), "SELECT COUNT(*) FROM entry WHERE id = 2")).as("rows of the failed transaction").isZero();
    }

    @Test
    void mariaDbBranchIsCommittedAfterTheServerEndedItsConnection() throws Exception {
        var dataSource = new MariaDbLedgerXADataSource();
        dataSource.setUrl(MARIADB_ADMIN + DATABASE);
        dataSource.setUser(MARIADB_USER);
        dataSource.setPassword(MARIADB_PASSWORD);

        committedAfterItsConnectionIsKilled(dataSource, "SELECT CONNECTION_ID()", "KILL %d", () -> mariaDb(DATABASE));
    }

    private interface Admin {
        Connection open() throws SQLException;
    }

    private static int count(Admin admin, String query) throws SQLException {
        try (Connection reader = admin.open(); Statement statement = reader.createStatement();
             var result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void committedAfterItsConnectionIsKilled(XADataSource dataSource, String ownId, String kill, Admin admin)
            throws Exception {
        Xid xid = new TestXid(System.nanoTime());
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        long id;
        try (Connection handle = connection.getConnection(); Statement statement = handle.createStatement()) {
            resource.start(xid, XAResource.TMNOFLAGS);
            var result = statement.executeQuery(ownId);
            result.next();
            id = result.getLong(1);
            statement.execute("INSERT INTO entry VALUES (1)");
            resource.end(xid, XAResource.TMSUCCESS);
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        }
        try (Connection killer = admin.open(); Statement statement = killer.createStatement()) {
            statement.execute(kill.formatted(id));
        }
        Thread.sleep(500);

        resource.commit(xid, false);

        assertThat(count(admin, "SELECT COUNT(*) FROM entry")).as("rows committed").isEqualTo(1);
        XAConnection fresh = dataSource.getXAConnection();
        try {
            assertThat(fresh.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                    .as("branches still prepared").noneMatch(left -> left.getFormatId() == TestXid.FORMAT);
        } finally {
            fresh.close();
        }
        connection.close();
    }

    private record TestXid(long number) implements Xid {
        static final int FORMAT = 0x7465;

        @Override
        public int getFormatId() {
            return FORMAT;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ("ledger-xa-it-" + number).getBytes();
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
