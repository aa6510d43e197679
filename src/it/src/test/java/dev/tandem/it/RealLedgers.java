package dev.tandem.it;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The real ledgers' database servers on this machine ({@code -Preal-ledgers}) as their administrators
 * see them, for tests that look at or act on the databases themselves: ledger A on PostgreSQL, ledger B
 * on MariaDB.
 */
final class RealLedgers {

    /** The ledgers' user name and database prefix ({@code <name>_ledger_a}, {@code <name>_ledger_b}). */
    static final String DB_NAME = System.getProperty("tandem.db.name");
    static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

    private RealLedgers() {
    }

    /** Ledger A's database, as its administrator; batched inserts sent as multi-row statements. */
    static String ledgerAUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + DB_NAME + "_ledger_a?user=postgres&reWriteBatchedInserts=true";
    }

    /** Ledger B's database, as its administrator. */
    static String ledgerBUrl() {
        return "jdbc:mariadb://127.0.0.1:3306/" + DB_NAME + "_ledger_b?user=root";
    }

    /** Transactions prepared in ledger A's database and not completed yet. */
    static int preparedInLedgerA() throws SQLException {
        try (var connection = DriverManager.getConnection(POSTGRES_ADMIN_URL); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = '" + DB_NAME + "_ledger_a'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** XA transactions prepared on the MariaDB server and not completed yet ({@code XA RECOVER} is server-wide). */
    static int preparedInMariaDb() throws SQLException {
        try (var connection = DriverManager.getConnection(MARIADB_ADMIN_URL); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("XA RECOVER")) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }
}
