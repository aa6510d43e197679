package dev.tandem.ledgerxa;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached or the connection went down, rather than
 * the database refusing the request: a connection exception (SQLState class 08) or, on PostgreSQL, a
 * server that is shutting down or starting (class 57P: operator intervention).
 */
final class ConnectionLoss {

    private ConnectionLoss() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
