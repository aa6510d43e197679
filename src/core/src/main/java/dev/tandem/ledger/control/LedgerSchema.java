package dev.tandem.ledger.control;

import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerEntry;
import dev.tandem.ledger.entity.LedgerId;
import dev.tandem.resources.ResourceNames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the tables on deployment when they are missing, and gives an empty ledger its
 * {@link DemoAccounts}.
 * <p>
 * A ledger whose tables exist is not touched with DDL at all, not even {@code IF NOT EXISTS}: after a
 * crash, in-doubt transactions still hold their locks when the application starts, and DDL would
 * wait for (PostgreSQL, MariaDB) or interfere with (H2) the very branches that transaction recovery
 * has yet to complete. Finding out takes only the catalogue, which takes no table locks.
 * <p>
 * Runs outside any transaction: DDL commits implicitly in H2 and MariaDB, which would end an XA
 * branch behind the transaction manager's back (MariaDB refuses it outright).
 */
@Singleton
@Startup
public class LedgerSchema {

    private static final Logger LOG = Logger.getLogger(LedgerSchema.class.getName());

    @Resource(lookup = ResourceNames.LEDGER_A)
    DataSource ledgerA;

    @Resource(lookup = ResourceNames.LEDGER_B)
    DataSource ledgerB;

    /** The attribute must sit on the callback itself: a class-level one does not reach lifecycle callbacks. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createAndSeed() {
        prepare(LedgerId.A, ledgerA);
        prepare(LedgerId.B, ledgerB);
    }

    private void prepare(LedgerId ledger, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = ledger == LedgerId.A
                    ? List.of("account", "ledger_entry", "transfer_record", "audit_entry")
                    : List.of("account", "ledger_entry");
            if (!allExist(connection, tables)) {
                createTables(ledger, connection);
            }
            int seeded = seedIfEmpty(connection, ledger);
            LOG.info(() -> "Ledger " + ledger + " ready on " + product(connection)
                    + (seeded > 0 ? "; opened " + seeded + " demo accounts" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare ledger " + ledger + ": " + e.getMessage(), e);
        }
    }

    private static void createTables(LedgerId ledger, Connection connection) throws SQLException {
        String timestamp = isMariaDb(connection) ? "DATETIME(6)" : "TIMESTAMP(6)";
        List<String> ddl = new ArrayList<>(ledgerTables(timestamp));
        if (ledger == LedgerId.A) {
            ddl.addAll(registryTables(timestamp));
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        LOG.info(() -> "Ledger " + ledger + ": tables created");
    }

    /** Whether the catalogue lists all these tables, in the case the database keeps unquoted names in. */
    private static boolean allExist(Connection connection, List<String> tables) throws SQLException {
        DatabaseMetaData catalogue = connection.getMetaData();
        for (String table : tables) {
            String name = catalogue.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet found = catalogue.getTables(connection.getCatalog(), null, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (!found.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> ledgerTables(String timestamp) {
        return List.of("""
                CREATE TABLE IF NOT EXISTS account (
                    id VARCHAR(34) NOT NULL PRIMARY KEY,
                    owner VARCHAR(100) NOT NULL,
                    currency CHAR(3) NOT NULL,
                    balance DECIMAL(19,2) NOT NULL,
                    CONSTRAINT account_balance_not_negative CHECK (balance >= 0))""", """
                CREATE TABLE IF NOT EXISTS ledger_entry (
                    id VARCHAR(40) NOT NULL PRIMARY KEY,
                    transfer_id CHAR(36) NOT NULL,
                    account_id VARCHAR(34) NOT NULL,
                    amount DECIMAL(19,2) NOT NULL,
                    balance_after DECIMAL(19,2) NOT NULL,
                    posted_at %s NOT NULL,
                    CONSTRAINT ledger_entry_account FOREIGN KEY (account_id) REFERENCES account (id))""".formatted(timestamp),
                "CREATE INDEX IF NOT EXISTS ledger_entry_by_transfer ON ledger_entry (transfer_id)",
                "CREATE INDEX IF NOT EXISTS ledger_entry_by_account ON ledger_entry (account_id)");
    }

    /** The transfer registry and the audit trail live in ledger A's database. */
    private static List<String> registryTables(String timestamp) {
        return List.of("""
                CREATE TABLE IF NOT EXISTS transfer_record (
                    id CHAR(36) NOT NULL PRIMARY KEY,
                    from_account VARCHAR(34) NOT NULL,
                    to_account VARCHAR(34) NOT NULL,
                    requested_amount VARCHAR(90) NOT NULL,
                    currency CHAR(3) NOT NULL,
                    status VARCHAR(16) NOT NULL,
                    reason VARCHAR(32),
                    detail VARCHAR(500),
                    mode VARCHAR(8) NOT NULL,
                    created_at %1$s NOT NULL,
                    completed_at %1$s)""".formatted(timestamp), """
                CREATE TABLE IF NOT EXISTS audit_entry (
                    id CHAR(36) NOT NULL PRIMARY KEY,
                    transfer_id CHAR(36) NOT NULL,
                    outcome VARCHAR(16) NOT NULL,
                    summary VARCHAR(500) NOT NULL,
                    recorded_at %s NOT NULL)""".formatted(timestamp),
                "CREATE INDEX IF NOT EXISTS audit_entry_by_transfer ON audit_entry (transfer_id)");
    }

    private static int seedIfEmpty(Connection connection, LedgerId ledger) throws SQLException {
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM account")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                return 0;
            }
        }
        List<Account> accounts = DemoAccounts.of(ledger);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account (id, owner, currency, balance) VALUES (?, ?, ?, ?)");
             PreparedStatement opening = connection.prepareStatement(
                     "INSERT INTO ledger_entry (id, transfer_id, account_id, amount, balance_after, posted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            var now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            for (Account account : accounts) {
                var details = account.details();
                insert.setString(1, details.id());
                insert.setString(2, details.owner());
                insert.setString(3, details.currency());
                insert.setBigDecimal(4, details.balance());
                insert.addBatch();
                // every balance is the sum of its account's entries, the opening one included
                opening.setString(1, LedgerEntry.openingId(details.id()));
                opening.setString(2, LedgerEntry.OPENING_TRANSFER);
                opening.setString(3, details.id());
                opening.setBigDecimal(4, details.balance());
                opening.setBigDecimal(5, details.balance());
                opening.setTimestamp(6, now);
                opening.addBatch();
            }
            insert.executeBatch();
            opening.executeBatch();
            connection.commit();
            return accounts.size();
        } catch (SQLException e) {
            // another Tandem process seeding the same empty ledger at the same moment wins
            connection.rollback();
            LOG.warning(() -> "Ledger " + ledger + " not seeded: " + e.getMessage());
            return 0;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean isMariaDb(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        return product.contains("mariadb") || product.contains("mysql");
    }

    private static String product(Connection connection) {
        try {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "an unidentified database";
        }
    }
}
