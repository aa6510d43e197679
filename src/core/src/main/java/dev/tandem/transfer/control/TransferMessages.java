package dev.tandem.transfer.control;

import static dev.tandem.api.jms.TransferMessaging.DELIVERY_ATTEMPT_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.ERROR_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.ORIGINAL_MESSAGE_ID_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.json.TransferJson;
import dev.tandem.resources.ResourceNames;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.UUID;

/**
 * Tandem's side of the request queue: putting requests on it, answering them, and setting aside the
 * ones that can never succeed. Every send goes through the resource adapter's XA connection factory,
 * so it commits or rolls back with the caller's transaction (for the message-driven bean, together
 * with the consumption of the request).
 */
@ApplicationScoped
public class TransferMessages {

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = ResourceNames.REQUEST_QUEUE)
    Queue requests;

    @Resource(lookup = ResourceNames.INVALID_QUEUE)
    Queue invalid;

    /**
     * Queues a request in {@code trace} (its span the parent of the consumer's), grouped by its source account so
     * that an account's transfers keep their order.
     */
    public void enqueue(TransferRequest request, TraceContext trace) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .setJMSCorrelationID(request.id().toString())
                    .setProperty(GROUP_PROPERTY, request.from())
                    .setProperty(TRANSFER_ID_PROPERTY, request.id().toString())
                    .setProperty(TraceContext.TRACEPARENT, trace.traceparent())
                    .send(requests, TransferJson.toJson(request).toString());
        }
    }

    /** Answers a request with its outcome, in {@code trace}, if the request asked for an answer. */
    public void reply(Message request, TransferDetails outcome, TraceContext trace) {
        reply(request, TransferJson.toJson(outcome).toString(), outcome.status().name(), outcome.id(), trace);
    }

    /**
     * Answers a request, if it has a {@code JMSReplyTo}, with {@code JMSCorrelationID} set to the
     * request's correlation id, or its message id when it had none. A temporary reply queue goes away
     * with the requester; the broker then drops the answer, while the outcome stays recorded and
     * published.
     *
     * @param transferId the transfer the answer is about, or {@code null} if unknown
     * @param trace      the trace the answer belongs to
     */
    public void reply(Message request, String body, String status, UUID transferId, TraceContext trace) {
        try {
            Destination replyTo = request.getJMSReplyTo();
            if (replyTo == null) {
                return;
            }
            String correlationId = request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID();
            try (JMSContext jms = connectionFactory.createContext()) {
                var producer = jms.createProducer()
                        .setJMSCorrelationID(correlationId)
                        .setProperty(STATUS_PROPERTY, status)
                        .setProperty(DELIVERY_ATTEMPT_PROPERTY, deliveryAttempt(request))
                        .setProperty(TraceContext.TRACEPARENT, trace.traceparent());
                if (transferId != null) {
                    producer.setProperty(TRANSFER_ID_PROPERTY, transferId.toString());
                }
                producer.send(replyTo, body);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot reply to a transfer request: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * Moves a request that can never succeed to the invalid queue, with its text, its properties, and
     * why it was refused: the request is consumed and the copy sent in the same transaction.
     */
    public void setAside(Message request, String error) {
        try (JMSContext jms = connectionFactory.createContext()) {
            TextMessage copy = jms.createTextMessage(request instanceof TextMessage text ? text.getText() : null);
            for (Object name : Collections.list(request.getPropertyNames())) {
                String property = (String) name;
                if (!property.startsWith("JMSX") && !property.startsWith("_")) {
                    copy.setObjectProperty(property, request.getObjectProperty(property));
                }
            }
            copy.setJMSCorrelationID(request.getJMSCorrelationID());
            copy.setJMSReplyTo(request.getJMSReplyTo());
            copy.setStringProperty(ORIGINAL_MESSAGE_ID_PROPERTY, request.getJMSMessageID());
            copy.setStringProperty(ERROR_PROPERTY, error);
            jms.createProducer().send(invalid, copy);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot set a transfer request aside: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Which delivery of the request this is, 1 for the first. */
    public static int deliveryAttempt(Message request) {
        try {
            return request.propertyExists("JMSXDeliveryCount") ? request.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read the delivery count: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
