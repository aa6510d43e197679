package dev.tandem.transfer.control;

import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.events.entity.TransferEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The server log's account of each transfer: a line once its transaction has committed what happened to it
 * (accepted for the queue, completed, rejected), a warning when it rolled back. Every line about a transfer, here or
 * elsewhere, names it by {@link #subject}: its id and its trace, so that one search of the log (text or JSON) follows
 * a transfer from the call through the queue to its outcome.
 */
@ApplicationScoped
public class TransferLog {

    private static final Logger LOG = Logger.getLogger(TransferLog.class.getName());

    /** How a log line names a transfer: {@code transfer <id> (trace <trace id>)}; the trace left out when unknown. */
    public static String subject(UUID transferId, TraceContext trace) {
        return subject(transferId, trace == null ? null : trace.traceId());
    }

    static String subject(TransferDetails transfer) {
        return subject(transfer.id(), transfer.traceId());
    }

    private static String subject(UUID transferId, String traceId) {
        return "transfer " + transferId + (traceId == null ? "" : " (trace " + traceId + ")");
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferEvent event) {
        LOG.info(() -> describe(event));
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) TransferEvent event) {
        LOG.warning(() -> "Rolled back, did not happen: " + describe(event));
    }

    /** E.g. {@code Transfer 3f2b… (trace 4bf9…) completed: A-0001 -> B-0001 10.00 EUR, sync}. */
    static String describe(TransferEvent event) {
        TransferDetails transfer = event.transfer();
        String subject = subject(transfer);
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " " + event.kind() + ": "
                + transfer.from() + " -> " + transfer.to() + " " + transfer.amount().toPlainString() + " " + transfer.currency()
                + ", " + transfer.mode().name().toLowerCase(Locale.ROOT)
                + (transfer.reason() == null ? "" : ", " + transfer.reason() + ": " + transfer.detail());
    }
}
