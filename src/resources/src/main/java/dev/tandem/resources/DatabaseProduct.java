package dev.tandem.resources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database servers a ledger can live on, told apart where their SQL or XA views differ. */
public enum DatabaseProduct {
    POSTGRESQL, MARIADB, H2;

    public static DatabaseProduct of(Connection connection) throws SQLException {
        String name = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported ledger database: " + name);
    }
}
