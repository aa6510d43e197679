package dev.tandem.resources;

/**
 * The names under which Tandem's code finds the resources its server provides: application-wide,
 * logical names, the same on every server. They are declared in the core module's
 * {@code META-INF/ejb-jar.xml} and mapped to the server's own resources by
 * {@code glassfish-ejb-jar.xml} (Payara) and {@code jboss-ejb3.xml} (WildFly).
 */
public final class ResourceNames {

    public static final String LEDGER_A = "java:app/env/jdbc/ledgerA";
    public static final String LEDGER_B = "java:app/env/jdbc/ledgerB";
    /** The broker's XA connection factory: sends join the caller's transaction. */
    public static final String CONNECTION_FACTORY = "java:app/env/jms/connectionFactory";
    public static final String EVENTS_TOPIC = "java:app/env/jms/transferEvents";
    public static final String REQUEST_QUEUE = "java:app/env/jms/transferRequests";
    public static final String INVALID_QUEUE = "java:app/env/jms/invalidTransfers";

    private ResourceNames() {
    }
}
