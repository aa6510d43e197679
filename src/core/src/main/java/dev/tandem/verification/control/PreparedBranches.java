package dev.tandem.verification.control;

import dev.tandem.resources.DatabaseProduct;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The branches a ledger's database server holds prepared, neither committed nor rolled back: Tandem's
 * (by name) and how many others. PostgreSQL and H2 say which database a branch belongs to; MariaDB's
 * {@code XA RECOVER} lists every database's, so there a branch is Tandem's when its XID carries the
 * name of Tandem's transaction manager.
 */
record PreparedBranches(List<String> tandems, int others) {

    static PreparedBranches in(Connection connection, String transactionManager) throws SQLException {
        DatabaseProduct product = DatabaseProduct.of(connection);
        var tandems = new ArrayList<String>();
        int others = 0;
        try (Statement sql = connection.createStatement()) {
            if (product == DatabaseProduct.POSTGRESQL) {
                try (ResultSet rows = sql.executeQuery("SELECT gid, database = current_database() FROM pg_prepared_xacts")) {
                    while (rows.next()) {
                        if (rows.getBoolean(2)) {
                            tandems.add(rows.getString(1));
                        } else {
                            others++;
                        }
                    }
                }
            } else if (product == DatabaseProduct.MARIADB) {
                try (ResultSet rows = sql.executeQuery("XA RECOVER")) {
                    while (rows.next()) {
                        int format = rows.getInt("formatID");
                        int gtridLength = rows.getInt("gtrid_length");
                        byte[] data = rows.getBytes("data");
                        byte[] gtrid = Arrays.copyOfRange(data, 0, gtridLength);
                        byte[] bqual = Arrays.copyOfRange(data, gtridLength, gtridLength + rows.getInt("bqual_length"));
                        if (transactionManager.equals(TransactionManagerName.of(format, gtrid, bqual))) {
                            tandems.add(asSql(format, gtrid, bqual));
                        } else {
                            others++;
                        }
                    }
                }
            } else {
                try (ResultSet rows = sql.executeQuery("SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT")) {
                    while (rows.next()) {
                        tandems.add(rows.getString(1));
                    }
                }
            }
        }
        return new PreparedBranches(tandems, others);
    }

    /** As {@code XA COMMIT} and {@code XA ROLLBACK} take it, for an operator who has to complete it by hand. */
    private static String asSql(int format, byte[] gtrid, byte[] bqual) {
        var hex = HexFormat.of();
        return "X'" + hex.formatHex(gtrid) + "',X'" + hex.formatHex(bqual) + "'," + format;
    }
}
