package dev.tandem.ledger.control;

import dev.tandem.ledger.entity.LedgerId;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The ledgers' schema, version by version, applied by Flyway at deployment: a new ledger gets every
 * version, an existing one what it lacks, recorded in its {@code flyway_schema_history} table. A ledger
 * created before Tandem had migrations (its tables there, no history) is taken to be at the last version
 * it was created with ({@value #BEFORE_MIGRATIONS_A} for ledger A, {@value #BEFORE_MIGRATIONS_B} for
 * ledger B) and goes on from there.
 * <p>
 * Versions x.0 belong to both ledgers (accounts and entries), x.1 to ledger A only (the transfer registry
 * and the audit trail). The migrations are listed here rather than found by scanning the class path,
 * which servers lay out each in their own way. Never change a version once released: add one.
 */
public final class LedgerMigrations {

    static final String BEFORE_MIGRATIONS_A = "1.1";
    static final String BEFORE_MIGRATIONS_B = "1.0";

    private static final JavaMigration ACCOUNTS_AND_ENTRIES = new SchemaMigration("1.0", "accounts and entries", """
            CREATE TABLE account (
                id VARCHAR(34) NOT NULL PRIMARY KEY,
                owner VARCHAR(100) NOT NULL,
                currency CHAR(3) NOT NULL,
                balance DECIMAL(19,2) NOT NULL,
                CONSTRAINT account_balance_not_negative CHECK (balance >= 0))""", """
            CREATE TABLE ledger_entry (
                id VARCHAR(40) NOT NULL PRIMARY KEY,
                transfer_id CHAR(36) NOT NULL,
                account_id VARCHAR(34) NOT NULL,
                amount DECIMAL(19,2) NOT NULL,
                balance_after DECIMAL(19,2) NOT NULL,
                posted_at %1$s NOT NULL,
                CONSTRAINT ledger_entry_account FOREIGN KEY (account_id) REFERENCES account (id))""",
            "CREATE INDEX ledger_entry_by_transfer ON ledger_entry (transfer_id)",
            "CREATE INDEX ledger_entry_by_account ON ledger_entry (account_id)");

    private static final JavaMigration TRANSFERS_AND_AUDIT = new SchemaMigration("1.1", "transfer registry and audit trail", """
            CREATE TABLE transfer_record (
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
                completed_at %1$s)""", """
            CREATE TABLE audit_entry (
                id CHAR(36) NOT NULL PRIMARY KEY,
                transfer_id CHAR(36) NOT NULL,
                outcome VARCHAR(16) NOT NULL,
                summary VARCHAR(500) NOT NULL,
                recorded_at %1$s NOT NULL)""",
            "CREATE INDEX audit_entry_by_transfer ON audit_entry (transfer_id)");

    /** For finding the transfers of a time range, newest first, without reading them all. */
    private static final JavaMigration TRANSFERS_BY_CREATION_TIME = new SchemaMigration("2.1", "transfers by creation time",
            "CREATE INDEX transfer_record_by_created_at ON transfer_record (created_at)");

    /** For an account's statement, newest first, a page at a time. */
    private static final JavaMigration ENTRIES_BY_ACCOUNT_AND_TIME = new SchemaMigration("3.0", "entries by account and time",
            "CREATE INDEX ledger_entry_by_account_and_time ON ledger_entry (account_id, posted_at)");

    /** For finding an account's transfers, or those of one status, newest first, without reading them all. */
    private static final JavaMigration TRANSFERS_BY_ACCOUNT_AND_STATUS = new SchemaMigration("3.1", "transfers by account and status",
            "CREATE INDEX transfer_record_by_source ON transfer_record (from_account, created_at)",
            "CREATE INDEX transfer_record_by_target ON transfer_record (to_account, created_at)",
            "CREATE INDEX transfer_record_by_status ON transfer_record (status, created_at)");

    /** The W3C trace each transfer was recorded in. */
    private static final JavaMigration TRANSFERS_WITH_THEIR_TRACE = new SchemaMigration("4.1", "the trace of each transfer",
            "ALTER TABLE transfer_record ADD trace_id CHAR(32)");

    /** No SQL files: every migration is in the list. */
    private static final ResourceProvider NO_FILES = new ResourceProvider() {
        @Override
        public LoadableResource getResource(String name) {
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return List.of();
        }
    };

    private LedgerMigrations() {
    }

    /** Brings the ledger's schema to the latest version; outside any transaction (DDL commits on its own). */
    public static MigrateResult migrate(LedgerId ledger, DataSource dataSource) {
        List<JavaMigration> migrations = ledger == LedgerId.A
                ? List.of(ACCOUNTS_AND_ENTRIES, TRANSFERS_AND_AUDIT, TRANSFERS_BY_CREATION_TIME, ENTRIES_BY_ACCOUNT_AND_TIME,
                        TRANSFERS_BY_ACCOUNT_AND_STATUS, TRANSFERS_WITH_THEIR_TRACE)
                : List.of(ACCOUNTS_AND_ENTRIES, ENTRIES_BY_ACCOUNT_AND_TIME);
        return Flyway.configure(LedgerMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .javaMigrations(migrations.toArray(JavaMigration[]::new))
                .resourceProvider(NO_FILES)
                .javaMigrationClassProvider(List::of)
                .baselineOnMigrate(true)
                .baselineVersion(ledger == LedgerId.A ? BEFORE_MIGRATIONS_A : BEFORE_MIGRATIONS_B)
                .baselineDescription("created before migrations")
                .load()
                .migrate();
    }
}
