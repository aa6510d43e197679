package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ledger.control.LedgerMigrations;
import dev.tandem.ledger.entity.LedgerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A ledger that holds money, as the last version without migrations created it (its schema, frozen in
 * {@code ledger-2026-12-04/}), is upgraded by the migrations Tandem runs at deployment: every account,
 * entry, transfer and audit row is still there, the later versions are applied, and a second deployment
 * changes nothing. On each database a ledger can live in: H2 (embedded), PostgreSQL (ledger A) and MariaDB
 * (ledger B), the latter two on this machine's servers, in databases of the test's own.
 */
class LedgerUpgradeTest {

    private static final String DATABASE = "tandem_upgrade_test";
    private static final List<String> TABLES = List.of("account", "ledger_entry", "transfer_record", "audit_entry");
    /** Columns that versions after the frozen one added. */
    private static final Set<String> ADDED_LATER = Set.of("trace_id");

    enum Ledger {
        H2_LEDGER_A(LedgerId.A), POSTGRESQL_LEDGER_A(LedgerId.A), MARIADB_LEDGER_B(LedgerId.B);

        final LedgerId id;

        Ledger(LedgerId id) {
            this.id = id;
        }
    }

    @ParameterizedTest
    @EnumSource(Ledger.class)
    void aLedgerOfTheLastVersionWithoutMigrationsKeepsEverythingThroughTheUpgrade(Ledger ledger) throws Exception {
        DataSource dataSource = emptyDatabase(ledger);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String timestamp = ledger == Ledger.MARIADB_LEDGER_B ? "DATETIME(6)" : "TIMESTAMP(6)";
            run(sql, "ledger.sql", timestamp);
            if (ledger.id == LedgerId.A) {
                run(sql, "registry.sql", timestamp);
            }
            holdMoney(sql, ledger.id);
        }
        Map<String, List<String>> before = contents(dataSource, ledger.id);

        MigrateResult upgrade = LedgerMigrations.migrate(ledger.id, dataSource);
        MigrateResult again = LedgerMigrations.migrate(ledger.id, dataSource);

        assertThat(contents(dataSource, ledger.id)).isEqualTo(before);
        assertThat(upgrade.initialSchemaVersion).as("the version the ledger was taken to be at")
                .isEqualTo(ledger.id == LedgerId.A ? "1.1" : "1.0");
        assertThat(upgrade.migrationsExecuted).as("versions applied").isEqualTo(ledger.id == LedgerId.A ? 4 : 1);
        assertThat(history(dataSource)).containsExactlyElementsOf(ledger.id == LedgerId.A
                ? List.of("1.1 BASELINE", "2.1 JDBC", "3.0 JDBC", "3.1 JDBC", "4.1 JDBC") : List.of("1.0 BASELINE", "3.0 JDBC"));
        assertThat(again.migrationsExecuted).isZero();
        if (ledger.id == LedgerId.A) {
            assertThat(indexes(dataSource, "transfer_record")).contains("transfer_record_by_created_at", "transfer_record_by_source",
                    "transfer_record_by_target", "transfer_record_by_status");
        }
        assertThat(indexes(dataSource, "ledger_entry")).contains("ledger_entry_by_account_and_time");
    }

    @ParameterizedTest
    @EnumSource(Ledger.class)
    void anEmptyDatabaseGetsEveryVersion(Ledger ledger) throws Exception {
        DataSource dataSource = emptyDatabase(ledger);

        MigrateResult created = LedgerMigrations.migrate(ledger.id, dataSource);

        assertThat(history(dataSource)).containsExactlyElementsOf(ledger.id == LedgerId.A
                ? List.of("1.0 JDBC", "1.1 JDBC", "2.1 JDBC", "3.0 JDBC", "3.1 JDBC", "4.1 JDBC") : List.of("1.0 JDBC", "3.0 JDBC"));
        assertThat(created.migrationsExecuted).isEqualTo(ledger.id == LedgerId.A ? 6 : 2);
        assertThat(contents(dataSource, ledger.id)).allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
    }

    private static DataSource emptyDatabase(Ledger ledger) throws SQLException, IOException {
        switch (ledger) {
            case H2_LEDGER_A -> {
                Path directory = Path.of("target", "upgrade-test");
                if (Files.exists(directory)) {
                    try (var files = Files.walk(directory)) {
                        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                    }
                }
                var h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger-a"));
                h2.setUser("tandem");
                return h2;
            }
            case POSTGRESQL_LEDGER_A -> {
                try (Connection admin = DriverManager.getConnection(RealLedgers.POSTGRES_ADMIN_URL); Statement sql = admin.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
                    sql.execute("CREATE DATABASE " + DATABASE);
                }
                var postgres = new PGSimpleDataSource();
                postgres.setURL("jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres");
                return postgres;
            }
            default -> {
                try (Connection admin = DriverManager.getConnection(RealLedgers.MARIADB_ADMIN_URL); Statement sql = admin.createStatement()) {
                    sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
                    sql.execute("CREATE DATABASE " + DATABASE);
                }
                return new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/" + DATABASE + "?user=root");
            }
        }
    }

    private static void run(Statement sql, String file, String timestamp) throws IOException, SQLException {
        try (InputStream in = LedgerUpgradeTest.class.getResourceAsStream("/ledger-2026-12-04/" + file)) {
            for (String statement : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                sql.execute(statement.strip().formatted(timestamp));
            }
        }
    }

    /** Two accounts and a transfer between them, with everything Tandem records of it. */
    private static void holdMoney(Statement sql, LedgerId ledger) throws SQLException {
        String a = ledger + "-0001";
        String b = ledger + "-0002";
        String opening = "00000000-0000-0000-0000-000000000000";
        String paid = "11111111-1111-1111-1111-111111111111";
        sql.execute("INSERT INTO account VALUES ('" + a + "', 'Ada Lovelace', 'EUR', 990.00), ('" + b + "', 'Alan Turing', 'EUR', 1010.00)");
        sql.execute("INSERT INTO ledger_entry VALUES ('open:" + a + "', '" + opening + "', '" + a + "', 1000.00, 1000.00, '2026-12-01 10:00:00.123456'),"
                + " ('open:" + b + "', '" + opening + "', '" + b + "', 1000.00, 1000.00, '2026-12-01 10:00:00.123456'),"
                + " ('" + paid + ":D', '" + paid + "', '" + a + "', -10.00, 990.00, '2026-12-02 11:00:00.654321'),"
                + " ('" + paid + ":C', '" + paid + "', '" + b + "', 10.00, 1010.00, '2026-12-02 11:00:00.654321')");
        if (ledger == LedgerId.A) {
            sql.execute("INSERT INTO transfer_record VALUES ('" + paid + "', '" + a + "', '" + b + "', '10.00', 'EUR', 'COMPLETED',"
                    + " NULL, NULL, 'SYNC', '2026-12-02 11:00:00.654321', '2026-12-02 11:00:00.654321')");
            sql.execute("INSERT INTO audit_entry VALUES ('22222222-2222-2222-2222-222222222222', '" + paid + "', 'COMPLETED',"
                    + " 'A-0001 paid A-0002 10.00 EUR', '2026-12-02 11:00:00.654321')");
        }
    }

    /** Every row of the ledger's tables, as text, in key order. */
    private static Map<String, List<String>> contents(DataSource dataSource, LedgerId ledger) throws SQLException {
        var contents = new TreeMap<String, List<String>>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : ledger == LedgerId.A ? TABLES : TABLES.subList(0, 2)) {
                var rows = new ArrayList<String>();
                try (ResultSet result = sql.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    var columns = result.getMetaData();
                    while (result.next()) {
                        var row = new StringBuilder();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            // a column that a later version added must hold nothing for the rows that were there
                            if (!ADDED_LATER.contains(columns.getColumnName(column).toLowerCase()) || result.getString(column) != null) {
                                row.append(result.getString(column)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                contents.put(table, rows);
            }
        }
        return contents;
    }

    /** Flyway's record of the ledger's versions, "version type" (on H2 it also notes, without a version, that it made its table). */
    private static List<String> history(DataSource dataSource) throws SQLException {
        var versions = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // Flyway names its table and columns in lower case, quoted where the database would change them
            String q = connection.getMetaData().getIdentifierQuoteString();
            try (ResultSet rows = sql.executeQuery("SELECT %1$sversion%1$s, %1$stype%1$s FROM %1$sflyway_schema_history%1$s WHERE %1$ssuccess%1$s AND %1$sversion%1$s IS NOT NULL ORDER BY %1$sinstalled_rank%1$s".formatted(q))) {
                while (rows.next()) {
                    versions.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return versions;
    }

    private static List<String> indexes(DataSource dataSource, String table) throws SQLException {
        var names = new ArrayList<String>();
        try (Connection connection = dataSource.getConnection()) {
            var catalogue = connection.getMetaData();
            String name = catalogue.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
            try (ResultSet rows = catalogue.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    if (index != null) {
                        names.add(index.toLowerCase());
                    }
                }
            }
        }
        return names;
    }
}
