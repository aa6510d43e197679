package dev.tandem.events.control;

import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.json.TransferJson;
import dev.tandem.events.entity.TransferOutcome;
import dev.tandem.resources.ResourceNames;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;

/**
 * Publishes every outcome as JSON to the topic {@code tandem.transfer.events}. The send goes
 * through the resource adapter's XA connection factory inside the transfer's transaction, so
 * subscribers receive exactly the outcomes that committed; with the transfer's trace ({@code traceparent}).
 */
@ApplicationScoped
public class OutcomePublisher {

    /** Publishes before the audit row is written: a failure there must also take back the message. */
    static final int PUBLISH_PRIORITY = Interceptor.Priority.APPLICATION;

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = ResourceNames.EVENTS_TOPIC)
    Topic events;

    void publish(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(PUBLISH_PRIORITY) TransferOutcome event) {
        TransferDetails transfer = event.transfer();
        try (JMSContext jms = connectionFactory.createContext()) {
            JMSProducer producer = jms.createProducer()
                    .setProperty(TRANSFER_ID_PROPERTY, transfer.id().toString())
                    .setProperty(STATUS_PROPERTY, transfer.status().name());
            if (transfer.traceId() != null) {
                producer.setProperty(TraceContext.TRACEPARENT, TraceContext.spanIn(transfer.traceId()).traceparent());
            }
            producer.send(events, TransferJson.toJson(transfer).toString());
        }
    }
}
