package dev.tandem.metrics.control;

import dev.tandem.metrics.control.TransferMetrics.Call;
import io.micrometer.core.instrument.Timer;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Instant;

/**
 * The timing of one delivery of a queued request, which ends with the message-driven bean's transaction:
 * registered with that transaction, told the outcome once the engine has one. A transaction that rolls back
 * counts as {@code failed}, whatever the outcome was to be: the request comes back.
 */
public final class QueuedSettlement implements Synchronization {

    private final TransferMetrics metrics;
    private final Timer.Sample started;
    private final Instant sent;
    private volatile Outcome outcome = Outcome.FAILED;
    private volatile String currency;

    QueuedSettlement(TransferMetrics metrics, Timer.Sample started, Instant sent) {
        this.metrics = metrics;
        this.started = started;
        this.sent = sent;
    }

    /** What the delivery did, if its transaction commits. */
    public void ended(Outcome outcome, String currency) {
        this.outcome = outcome;
        this.currency = currency;
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        Outcome ended = status == Status.STATUS_COMMITTED ? outcome : Outcome.FAILED;
        metrics.ended(Call.TRANSFER, Entry.QUEUE, started, ended, currency);
        if (sent != null && (ended == Outcome.COMPLETED || ended == Outcome.REJECTED)) {
            metrics.settledAfterQueueing(sent);
        }
    }
}
