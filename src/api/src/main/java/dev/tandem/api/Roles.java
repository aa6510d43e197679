package dev.tandem.api;

import java.util.List;

/**
 * Tandem's roles, the same on every entry point (REST, the dashboard, the remote EJB). On both servers
 * a user's groups are their roles.
 */
public final class Roles {

    /** Makes transfers and reads them. */
    public static final String TELLER = "teller";
    /** Reads accounts, totals, transfers, the event stream and the dashboard. */
    public static final String VIEWER = "viewer";
    /** Reads what a viewer reads, plus verification and the counters. */
    public static final String OPERATOR = "operator";

    public static final List<String> ALL = List.of(TELLER, VIEWER, OPERATOR);

    private Roles() {
    }
}
