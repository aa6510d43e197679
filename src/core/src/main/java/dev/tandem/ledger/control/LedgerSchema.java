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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings both ledgers' schema to the latest version on deployment ({@link LedgerMigrations}), and gives
 * an empty ledger its {@link DemoAccounts}.
 * <p>
 * A ledger that is up to date is not touched with DDL at all: after a crash, in-doubt transactions still
 * hold their locks when the application starts, and DDL would wait for (PostgreSQL, MariaDB) or
 * interfere with (H2) the very branches that transaction recovery has yet to complete. Finding out
 * reads only Flyway's history table, which no transfer locks. (A migration released later runs at the
 * first start after the upgrade: upgrade after a clean stop.)
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
    void migrateAndSeed() {
        prepare(LedgerId.A, ledgerA);
        prepare(LedgerId.B, ledgerB);
    }

    private void prepare(LedgerId ledger, DataSource dataSource) {
        var migrated = LedgerMigrations.migrate(ledger, dataSource);
        if (migrated.migrationsExecuted > 0) {
            LOG.info(() -> "Ledger " + ledger + ": schema migrated to version " + migrated.targetSchemaVersion
                    + (migrated.initialSchemaVersion == null ? " (new ledger)" : " from " + migrated.initialSchemaVersion));
        }
        try (Connection connection = dataSource.getConnection()) {
            int seeded = seedIfEmpty(connection, ledger);
            LOG.info(() -> "Ledger " + ledger + " ready on " + product(connection)
                    + (seeded > 0 ? "; opened " + seeded + " demo accounts" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare ledger " + ledger + ": " + e.getMessage(), e);
        }
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

    private static String product(Connection connection) {
        try {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "an unidentified database";
        }
    }
}
