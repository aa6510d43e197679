package dev.tandem.client.jms;

import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.jms.TransferMessaging;
import dev.tandem.api.json.TransferJson;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dead-letter queue {@code tandem.transfers.dlq}, for an operator: requests that failed for a
 * technical reason on every delivery attempt. Listing leaves them there; replaying moves them back to
 * {@code tandem.transfers}, each in a local transaction (received from one queue and sent to the other,
 * or neither), so that none is lost or duplicated. Replaying is safe: a transfer id is applied once.
 */
public final class DeadLetters {

    /** A request on the dead-letter queue, with the transfer id Tandem gives it. */
    public record DeadLetter(String messageId, String transferId, Instant sentAt, String body) {
    }

    private final ConnectionFactory connectionFactory;

    public DeadLetters(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public List<DeadLetter> list() throws JMSException {
        var letters = new ArrayList<DeadLetter>();
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             var browser = jms.createBrowser(jms.createQueue(DEAD_LETTER_QUEUE))) {
            for (Object browsed : Collections.list(browser.getEnumeration())) {
                Message message = (Message) browsed;
                letters.add(new DeadLetter(message.getJMSMessageID(), transferId(message),
                        Instant.ofEpochMilli(message.getJMSTimestamp()), body(message)));
            }
        }
        return letters;
    }

    /**
     * Moves dead letters back to the request queue.
     *
     * @param ids transfer ids or JMS message ids to replay; empty for all
     * @return the letters replayed
     */
    public List<DeadLetter> replay(Collection<String> ids) throws JMSException {
        List<DeadLetter> chosen = list().stream()
                .filter(letter -> ids.isEmpty() || ids.contains(letter.transferId()) || ids.contains(letter.messageId()))
                .toList();
        if (chosen.isEmpty()) {
            return chosen;
        }
        String selector = chosen.stream().map(letter -> "'" + letter.messageId() + "'")
                .collect(Collectors.joining(", ", "JMSMessageID IN (", ")"));
        var replayed = new ArrayList<DeadLetter>();
        try (JMSContext jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(DEAD_LETTER_QUEUE), selector)) {
            var requests = jms.createQueue(REQUEST_QUEUE);
            for (Message letter; replayed.size() < chosen.size() && (letter = consumer.receive(5_000)) != null; ) {
                jms.createProducer().send(requests, copyOf(jms, letter));
                jms.commit();
                replayed.add(new DeadLetter(letter.getJMSMessageID(), transferId(letter),
                        Instant.ofEpochMilli(letter.getJMSTimestamp()), body(letter)));
            }
        }
        return replayed;
    }

    /**
     * The request as it was sent: body, reply address, correlation id, message group and properties,
     * and its transfer id pinned as a property, so that the copy is the same transfer as the original.
     */
    private static Message copyOf(JMSContext jms, Message letter) throws JMSException {
        TextMessage copy = jms.createTextMessage(body(letter));
        for (Object name : Collections.list(letter.getPropertyNames())) {
            String property = (String) name;
            if (!property.startsWith("JMSX") && !property.startsWith("_")) {
                copy.setObjectProperty(property, letter.getObjectProperty(property));
            }
        }
        if (letter.propertyExists(GROUP_PROPERTY)) {
            copy.setStringProperty(GROUP_PROPERTY, letter.getStringProperty(GROUP_PROPERTY));
        }
        copy.setStringProperty(TRANSFER_ID_PROPERTY, transferId(letter));
        copy.setJMSCorrelationID(letter.getJMSCorrelationID());
        copy.setJMSReplyTo(letter.getJMSReplyTo());
        return copy;
    }

    /** The id Tandem gives the request ({@link TransferMessaging#transferIdOf}), or "?" if it has none. */
    static String transferId(Message message) throws JMSException {
        try {
            UUID bodyId = TransferJson.parseRequest(body(message)).id();
            return TransferMessaging.transferIdOf(bodyId, message.getStringProperty(TRANSFER_ID_PROPERTY),
                    message.getJMSMessageID()).toString();
        } catch (InvalidTransferException unreadable) {
            // Tandem sets such requests aside rather than failing on them: not one of ours
            return "?";
        }
    }

    private static String body(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : null;
    }
}
