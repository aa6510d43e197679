package dev.tandem.client;

/** How the client reaches Tandem. */
public enum Channel {
    /** HTTP and JSON, {@code /tandem/api}. */
    REST,
    /** The remote EJB over IIOP; needs Payara's gf-client.jar on the class path. */
    EJB
}
