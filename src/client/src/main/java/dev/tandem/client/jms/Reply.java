package dev.tandem.client.jms;

import static dev.tandem.api.jms.TransferMessaging.DELIVERY_ATTEMPT_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * Tandem's answer to one request: its {@code status} property ({@code COMPLETED}, {@code REJECTED},
 * {@code INVALID} or {@code CONFLICT}), the transfer it concerns if known, which delivery of the
 * request produced it, and the JSON body.
 */
public record Reply(String correlationId, String status, String transferId, int deliveryAttempt, String body) {

    public static Reply of(Message message) {
        try {
            return new Reply(message.getJMSCorrelationID(), message.getStringProperty(STATUS_PROPERTY),
                    message.getStringProperty(TRANSFER_ID_PROPERTY),
                    message.propertyExists(DELIVERY_ATTEMPT_PROPERTY) ? message.getIntProperty(DELIVERY_ATTEMPT_PROPERTY) : 0,
                    message instanceof TextMessage text ? text.getText() : null);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable reply: " + e.getMessage(), e);
        }
    }
}
