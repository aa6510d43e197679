package dev.tandem.client;

/** How the client reaches Tandem. */
public enum Channel {
    /** HTTP and JSON, {@code /tandem/api}. */
    REST,
    /** The remote EJB: over IIOP with Payara's gf-client.jar, over remote+http with WildFly's jboss-client.jar. */
    EJB
}
