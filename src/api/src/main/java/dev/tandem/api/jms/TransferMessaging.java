package dev.tandem.api.jms;

/** Names of Tandem's broker destinations and message properties. */
public final class TransferMessaging {

    /** Committed outcomes, one JSON message per transfer outcome (multicast address). */
    public static final String EVENTS_TOPIC = "tandem.transfer.events";

    /** Message property on every event: the transfer id, for selectors such as {@code transferId = '...'}. */
    public static final String TRANSFER_ID_PROPERTY = "transferId";

    /** Message property on every event: {@code COMPLETED} or {@code REJECTED}. */
    public static final String STATUS_PROPERTY = "status";

    private TransferMessaging() {
    }
}
