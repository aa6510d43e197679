package dev.tandem.metrics.control;

import java.util.Locale;

/** Where a transfer came in: the tag {@code entry} of the transfer metrics. */
public enum Entry {
    /** {@code POST /transfers}, the REST resources */
    REST,
    /** the remote EJB view */
    EJB,
    /** the request queue's message-driven bean */
    QUEUE;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
