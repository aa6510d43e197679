package dev.tandem.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real ledgers only ({@code -Preal-ledgers}): {@code verify} on database servers that other applications
 * share, and on a ledger with a long history.
 * <p>
 * The history's size is {@code -Dtandem.it.history.transfers} (20,000 by default; a million on request,
 * see docs/testing.md), written straight into the ledgers' tables by {@link HistoryGenerator}.
 */
@ExtendWith(ConservationCheck.class)
class RealLedgerVerificationIT {

    private static final String OTHER_DATABASE = RealLedgers.DB_NAME + "_other_app";
    private static final String OTHER_GID = "another-application";
    private static final int HISTORY = Integer.getInteger("tandem.it.history.transfers", 20_000);
    private static final Duration VERIFY_WITHIN = Duration.ofSeconds(60);

    /** MariaDB XA branch ids as SQL literals (gtrid, bqual, format id), per test. */
    private final String foreignXid = "X'" + hex("another-application-" + UUID.randomUUID()) + "',X'" + hex("branch-1") + "',1";
    private String tandemNamedXid;

    @BeforeEach
    void otherApplicationsDatabases() throws SQLException {
        try (Connection postgres = DriverManager.getConnection(RealLedgers.POSTGRES_ADMIN_URL);
             Connection mariadb = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL);
             Statement pg = postgres.createStatement();
             Statement maria = mariadb.createStatement()) {
            if (!pg.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + OTHER_DATABASE + "'").next()) {
                pg.execute("CREATE DATABASE " + OTHER_DATABASE);
            }
            maria.execute("CREATE DATABASE IF NOT EXISTS " + OTHER_DATABASE);
            maria.execute("CREATE TABLE IF NOT EXISTS " + OTHER_DATABASE + ".orders (id INT PRIMARY KEY) ENGINE=InnoDB");
        }
        rollBackOtherApplicationsBranch();
    }

    @AfterEach
    void completeWhatTheTestPrepared() throws SQLException {
        rollBackOtherApplicationsBranch();
        try (Connection mariadb = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); Statement maria = mariadb.createStatement()) {
            for (String xid : tandemNamedXid == null ? List.of(foreignXid) : List.of(foreignXid, tandemNamedXid)) {
                try {
                    maria.execute("XA ROLLBACK " + xid);
                } catch (SQLException alreadyCompleted) {
                    // the test completed it, or (a branch in its name) WildFly's recovery did
                }
            }
        }
    }

    @AfterAll
    static void dropOtherApplicationsDatabases() throws SQLException {
        try (Connection postgres = DriverManager.getConnection(RealLedgers.POSTGRES_ADMIN_URL);
             Connection mariadb = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL);
             Statement pg = postgres.createStatement();
             Statement maria = mariadb.createStatement()) {
            pg.execute("DROP DATABASE IF EXISTS " + OTHER_DATABASE);
            maria.execute("DROP DATABASE IF EXISTS " + OTHER_DATABASE);
        }
    }

    @Test
    void branchesOtherApplicationsPreparedOnTheSameServersAreLeftAlone() throws Exception {
        try (Connection postgres = DriverManager.getConnection(otherPostgres()); Statement pg = postgres.createStatement()) {
            pg.execute("BEGIN");
            pg.execute("CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY)");
            pg.execute("PREPARE TRANSACTION '" + OTHER_GID + "'");
        }
        prepareOnMariaDb(foreignXid);

        JsonObject report = Tandem.OPERATIONS.verification();

        assertThat(findings(report)).isEmpty();
        assertThat(report.getBoolean("consistent")).isTrue();
        assertThat(report.getJsonObject("checked").getJsonNumber("otherPreparedTransactions").longValue())
                .as("the other application's branches were seen, and left alone").isGreaterThanOrEqualTo(2);
        assertThat(RealLedgers.preparedInMariaDb()).isGreaterThanOrEqualTo(1);
    }

    /** XA RECOVER cannot say which database a branch is in: a branch in the name of Tandem's transaction manager is Tandem's. */
    @Test
    void aBranchInTheNameOfTandemsTransactionManagerIsReportedWhicheverDatabaseItIsIn() throws Exception {
        String name = Tandem.OPERATIONS.verification().getJsonObject("checked").getString("transactionManager");
        tandemNamedXid = xidNamed(name);
        prepareOnMariaDb(tandemNamedXid);

        List<String> findings = findings(Tandem.OPERATIONS.verification());

        assertThat(findings).singleElement().asString().startsWith("ledger B has 1 prepared transaction(s) that nobody completed");
        try (Connection mariadb = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); Statement maria = mariadb.createStatement()) {
            maria.execute("XA ROLLBACK " + tandemNamedXid);
        }
        assertThat(findings(Tandem.OPERATIONS.verification())).isEmpty();
    }

    @Test
    void aLongHistoryIsVerifiedWithinAMinute() throws Exception {
        long before = Tandem.OPERATIONS.verification().getJsonObject("checked").getJsonNumber("transfers").longValue();
        HistoryGenerator.write(HISTORY);

        long start = System.nanoTime();
        JsonObject report = Tandem.OPERATIONS.verification();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("verify of %,d transfers took %.1f s%n",
                report.getJsonObject("checked").getJsonNumber("transfers").longValue(), took.toMillis() / 1000.0);
        assertThat(findings(report)).isEmpty();
        assertThat(report.getJsonObject("checked").getJsonNumber("transfers").longValue()).isGreaterThanOrEqualTo(before + HISTORY);
        assertThat(took).isLessThan(VERIFY_WITHIN);
    }

    /** The XID layout the server's transaction manager writes its name into (see TransactionManagerName in core). */
    private static String xidNamed(String name) {
        var hex = HexFormat.of();
        if ("wildfly".equals(System.getProperty("tandem.runtime"))) {
            byte[] gtrid = ByteBuffer.allocate(28 + name.length()).put(randomBytes(28)).put(name.getBytes(UTF_8)).array();
            return "X'" + hex.formatHex(gtrid) + "',X'" + hex.formatHex(randomBytes(16)) + "',131077";
        }
        int payaraFormat = ('J' << 16) + ('T' << 8) + 'S';
        return "X'" + hex.formatHex(randomBytes(16)) + "',X'" + hex(name + ",1") + "'," + payaraFormat;
    }

    private static void prepareOnMariaDb(String xid) throws SQLException {
        try (Connection mariadb = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); Statement maria = mariadb.createStatement()) {
            maria.execute("XA START " + xid);
            maria.execute("INSERT INTO " + OTHER_DATABASE + ".orders VALUES (" + (int) (Math.random() * 1_000_000_000) + ")");
            maria.execute("XA END " + xid);
            maria.execute("XA PREPARE " + xid);
        }
    }

    /** PostgreSQL completes a prepared transaction only from a connection to its own database. */
    private static void rollBackOtherApplicationsBranch() throws SQLException {
        try (Connection postgres = DriverManager.getConnection(otherPostgres()); Statement pg = postgres.createStatement()) {
            if (pg.executeQuery("SELECT 1 FROM pg_prepared_xacts WHERE gid = '" + OTHER_GID + "'").next()) {
                pg.execute("ROLLBACK PREPARED '" + OTHER_GID + "'");
            }
        }
    }

    private static List<String> findings(JsonObject report) {
        return report.getJsonArray("findings").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String otherPostgres() {
        return RealLedgers.POSTGRES_ADMIN_URL.replace("/postgres?", "/" + OTHER_DATABASE + "?");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(UTF_8));
    }
}
