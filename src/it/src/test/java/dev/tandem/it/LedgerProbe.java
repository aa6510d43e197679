package dev.tandem.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Inside the server, for in-container tests: Tandem's two ledger databases read directly, and made to
 * refuse one transfer's rows to inject a failure at a chosen point of its transaction.
 */
final class LedgerProbe {

    final DataSource ledgerA;
    final DataSource ledgerB;

    private LedgerProbe(DataSource ledgerA, DataSource ledgerB) {
        this.ledgerA = ledgerA;
        this.ledgerB = ledgerB;
    }

    static LedgerProbe lookUp() throws NamingException {
        return new LedgerProbe((DataSource) lookUpServerResource("jdbc/tandem/ledgerA"),
                (DataSource) lookUpServerResource("jdbc/tandem/ledgerB"));
    }

    /**
     * One of Tandem's resources as the server provides it (not through Tandem's own references, which only
     * Tandem's application sees): Payara binds it under its name, WildFly under java:/ and the name.
     */
    static Object lookUpServerResource(String name) throws NamingException {
        var naming = new InitialContext();
        try {
            return naming.lookup(name);
        } catch (NamingException notOnPayara) {
            return naming.lookup("java:/" + name);
        }
    }

    /** A refusal in force until closed. */
    interface Refusal extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * Makes {@code ledger} refuse {@code table} rows of this one transfer (a check constraint on its
     * {@code transfer_id}), until the refusal is closed.
     */
    Refusal refuse(DataSource ledger, String table, UUID transferId) throws SQLException {
        String constraint = "tandem_it_refuse_" + Long.toHexString(transferId.getMostSignificantBits() & 0xffffffffL);
        execute(ledger, "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (transfer_id <> '" + transferId + "')");
        return () -> execute(ledger, "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
    }

    BigDecimal balance(String account) throws SQLException {
        try (Connection connection = (account.startsWith("A-") ? ledgerA : ledgerB).getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT balance FROM account WHERE id = ?")) {
            query.setString(1, account);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no account " + account);
                }
                return row.getBigDecimal(1);
            }
        }
    }

    /** The amounts of this transfer's legs in {@code ledger}, in no particular order. */
    List<BigDecimal> legs(DataSource ledger, UUID transferId) throws SQLException {
        var amounts = new ArrayList<BigDecimal>();
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT amount FROM ledger_entry WHERE transfer_id = ?")) {
            query.setString(1, transferId.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    amounts.add(rows.getBigDecimal(1));
                }
            }
        }
        return amounts;
    }

    /** Rows of ledger A's transfer registry for this transfer with this status (any status if null). */
    int records(UUID transferId, String status) throws SQLException {
        return count(ledgerA, "SELECT COUNT(*) FROM transfer_record WHERE id = ?" + (status == null ? "" : " AND status = '" + status + "'"),
                transferId);
    }

    /** Rows of ledger A's audit trail for this transfer. */
    int auditRows(UUID transferId) throws SQLException {
        return count(ledgerA, "SELECT COUNT(*) FROM audit_entry WHERE transfer_id = ?", transferId);
    }

    private static int count(DataSource ledger, String sql, UUID transferId) throws SQLException {
        try (Connection connection = ledger.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, transferId.toString());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void execute(DataSource ledger, String sql) throws SQLException {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
