package dev.tandem.api.jms;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.json.TransferJson;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Tandem's JMS contract: broker destinations, and the message properties Tandem sets and reads.
 * <p>
 * A transfer request is a {@code TextMessage} on {@value #REQUEST_QUEUE} whose body is the same JSON
 * as {@code POST /transfers}. Set {@code JMSReplyTo} to get exactly one reply; its
 * {@code JMSCorrelationID} is the request's correlation id, or its message id when it had none.
 * Set {@value #GROUP_PROPERTY} to the source account id to have transfers from one account applied
 * in the order they were sent (Tandem's own producers always do). A request without an {@code id}
 * in its body gets one derived from its message id, so that redeliveries are recognised.
 */
public final class TransferMessaging {

    /** Transfer requests (anycast). */
    public static final String REQUEST_QUEUE = "tandem.transfers";

    /** Requests that failed for technical reasons on every delivery attempt, for an operator to replay. */
    public static final String DEAD_LETTER_QUEUE = "tandem.transfers.dlq";

    /** Requests that can never succeed as sent (malformed, or reusing an id), set aside once. */
    public static final String INVALID_QUEUE = "tandem.transfers.invalid";

    /** Committed outcomes, one JSON message per transfer outcome (multicast address). */
    public static final String EVENTS_TOPIC = "tandem.transfer.events";

    /** The JMS message group: set it to the source account to keep that account's transfers in order. */
    public static final String GROUP_PROPERTY = "JMSXGroupID";

    /** On events, replies and set-aside requests: the transfer id. On a request: the id to use if the body has none. */
    public static final String TRANSFER_ID_PROPERTY = "transferId";

    /** On events and replies: {@code COMPLETED}, {@code REJECTED}, {@link #INVALID} or {@link #CONFLICT}. */
    public static final String STATUS_PROPERTY = "status";

    /** Reply status of a malformed request; the body is a problem document. */
    public static final String INVALID = "INVALID";

    /** Reply status of a request that reused a transfer id for different content; the body is a problem document. */
    public static final String CONFLICT = "CONFLICT";

    /** On replies: which delivery of the request produced it (1 unless it was redelivered). */
    public static final String DELIVERY_ATTEMPT_PROPERTY = "deliveryAttempt";

    /** On set-aside requests: why the request was refused. */
    public static final String ERROR_PROPERTY = "error";

    /** On set-aside requests: the message id of the request as it was sent. */
    public static final String ORIGINAL_MESSAGE_ID_PROPERTY = "originalMessageId";

    private TransferMessaging() {
    }

    /**
     * The id of the transfer a request message asks for: the one in its body, else its
     * {@value #TRANSFER_ID_PROPERTY} property, else one derived from its message id, so that every
     * delivery of the same message names the same transfer.
     *
     * @throws InvalidTransferException the property is there but is not a UUID
     */
    public static UUID transferIdOf(UUID bodyId, String idProperty, String messageId) throws InvalidTransferException {
        if (bodyId != null) {
            return bodyId;
        }
        if (idProperty != null) {
            return TransferJson.parseId(idProperty, "the " + TRANSFER_ID_PROPERTY + " property");
        }
        return UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8));
    }
}
