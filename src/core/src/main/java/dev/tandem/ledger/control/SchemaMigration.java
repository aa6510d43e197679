package dev.tandem.ledger.control;

import dev.tandem.resources.DatabaseProduct;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One version of a ledger's schema: its DDL, run by Flyway once per ledger. Statements may name
 * {@code %1$s}, the column type of a timestamp with microseconds in the ledger's database. Its checksum
 * is that of the statements, so that a migration changed after it was applied is found out.
 */
final class SchemaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final List<String> statements;

    SchemaMigration(String version, String description, String... statements) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.statements = List.of(statements);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        var checksum = new CRC32();
        statements.forEach(statement -> checksum.update(statement.getBytes(StandardCharsets.UTF_8)));
        return (int) checksum.getValue();
    }

    /** DDL commits on its own in MariaDB and H2: each statement stands alone. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String timestamp = DatabaseProduct.of(connection) == DatabaseProduct.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement.formatted(timestamp));
            }
        }
    }
}
