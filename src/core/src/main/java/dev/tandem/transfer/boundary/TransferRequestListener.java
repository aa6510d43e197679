package dev.tandem.transfer.boundary;

import static dev.tandem.api.jms.TransferMessaging.CONFLICT;
import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.INVALID;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.jms.TransferMessaging;
import dev.tandem.api.json.Problem;
import dev.tandem.api.json.TransferJson;
import dev.tandem.metrics.control.Outcome;
import dev.tandem.metrics.control.QueuedSettlement;
import dev.tandem.metrics.control.TransferMetrics;
import dev.tandem.tracing.control.Spans;
import dev.tandem.transfer.control.DuplicateTransferException;
import dev.tandem.transfer.control.EngineAdmission;
import dev.tandem.transfer.control.GroupTurns;
import dev.tandem.transfer.control.RedeliveryBackoff;
import dev.tandem.transfer.control.TransferEngine;
import dev.tandem.transfer.control.TransferLog;
import dev.tandem.transfer.control.TransferMessages;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes transfer requests from {@code tandem.transfers} and hands them to the engine. Consuming the
 * request, both legs, the transfer record, the reply and the outcome event are one XA transaction.
 * <p>
 * Outcomes are final and answered once: a completed or rejected transfer, a malformed request (also
 * set aside on {@code tandem.transfers.invalid}), a reused id (set aside too). Anything else is a
 * technical failure: the transaction rolls back, the broker redelivers the request at once, and it is
 * held for a growing pause ({@link RedeliveryBackoff}) before it is tried again, with the later requests
 * of its message group waiting behind it (also when they reach another session: {@link GroupTurns}); after ten attempts the broker moves it to
 * {@code tandem.transfers.dlq}. Redeliveries are harmless: the transfer id makes the engine apply a
 * transfer at most once.
 * <p>
 * Its activation (sessions, consumer window, reconnection) is in ejb-jar.xml; the resource adapter
 * that reaches the broker is named per server (glassfish-ejb-jar.xml, jboss-ejb3.xml).
 */
@MessageDriven(name = "TransferRequestListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = TransferMessaging.REQUEST_QUEUE)})
public class TransferRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TransferRequestListener.class.getName());

    @Inject
    TransferEngine engine;

    @Inject
    TransferMessages messages;

    @Inject
    EngineAdmission admission;

    @Inject
    GroupTurns turns;

    @Inject
    TransferMetrics metrics;

    @Inject
    Spans spans;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void onMessage(Message message) {
        try (Spans.Traced span = spans.start(TransferMessaging.REQUEST_QUEUE + " process", SpanKind.CONSUMER,
                property(message, TraceContext.TRACEPARENT))) {
            try {
                process(message, span.trace());
            } catch (RuntimeException failure) {
                span.failed(failure);
                throw failure;
            }
        }
    }

    /** The work on one request, in the trace of the span that {@link #onMessage} started for it. */
    private void process(Message message, TraceContext trace) {
        QueuedSettlement measured = metrics.delivered(sentAt(message));
        transactions.registerInterposedSynchronization(measured);
        TransferRequest request;
        try {
            request = read(message);
        } catch (InvalidTransferException malformed) {
            LOG.info(() -> "A malformed request was set aside (trace " + trace.traceId() + "): " + malformed.getMessage());
            messages.setAside(message, malformed.getMessage());
            messages.reply(message, Problem.invalidRequest(malformed.getMessage()).toJson().toString(), INVALID, null, trace);
            measured.ended(Outcome.INVALID, null);
            return;
        }
        transactions.registerInterposedSynchronization(turns.take(property(message, GROUP_PROPERTY), request.id().toString()));
        admission.holdRedelivery(RedeliveryBackoff.before(TransferMessages.deliveryAttempt(message)));
        admission.enterQueued();
        try {
            TransferDetails outcome = engine.apply(request, TransferMode.ASYNC, trace);
            messages.reply(message, outcome, trace);
            measured.ended(Outcome.of(outcome), request.currency());
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "The " + TransferLog.subject(request.id(), trace) + " failed; its transaction rolls back and the broker redelivers"
                    + " its request (delivery attempt " + TransferMessages.deliveryAttempt(message) + ")", failure);
            throw failure;
        } catch (TransferConflictException conflict) {
            messages.setAside(message, conflict.getMessage());
            messages.reply(message, Problem.conflict(conflict).toJson().toString(), CONFLICT, request.id(), trace);
            measured.ended(Outcome.CONFLICT, request.currency());
        } catch (DuplicateTransferException raced) {
            // The engine settles a race for an id in place (it waits for the accounts, then finds the record),
            // except between two accounts of ledger B or for a request refused before any account is locked.
            // This transaction is already marked for rollback: the redelivery finds the record the other wrote.
            LOG.info(() -> "The " + TransferLog.subject(request.id(), trace) + " was being recorded concurrently; its request will be redelivered");
        } finally {
            admission.leave();
        }
    }

    private static Instant sentAt(Message message) {
        try {
            return message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read a transfer request's timestamp: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read a transfer request's " + name + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * The request in a message: its JSON body, checked, with an id from the body, else from the
     * {@code transferId} property, else derived from the message id so that every redelivery of the
     * message gets the same one.
     */
    private static TransferRequest read(Message message) throws InvalidTransferException {
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidTransferException("a transfer request must be a JSON text message, got a "
                        + message.getClass().getSimpleName());
            }
            TransferRequest request = TransferJson.parseRequest(text.getText());
            request.requireWellFormed();
            return request.withId(TransferMessaging.transferIdOf(request.id(),
                    message.getStringProperty(TRANSFER_ID_PROPERTY), message.getJMSMessageID()));
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read a transfer request: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
