package dev.tandem.events.control;

import dev.tandem.events.entity.TransferAccepted;
import dev.tandem.events.entity.TransferCompleted;
import dev.tandem.events.entity.TransferEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In-memory counts of what happened since the server started: committed events counted after the
 * commit ({@code AFTER_SUCCESS}), so that nothing is counted that did not happen; transactions that
 * rolled back after firing an event counted and logged ({@code AFTER_FAILURE}); heuristic outcomes,
 * as the transaction manager reports them to the facade.
 */
@ApplicationScoped
public class TransferCounters {

    private static final Logger LOG = Logger.getLogger(TransferCounters.class.getName());

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicLong alertsSent = new AtomicLong();
    private final AtomicLong alertsFailed = new AtomicLong();
    private final AtomicLong heuristic = new AtomicLong();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferEvent event) {
        if (event instanceof TransferAccepted) {
            accepted.incrementAndGet();
        } else if (event instanceof TransferCompleted) {
            completed.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) TransferEvent event) {
        rolledBack.incrementAndGet();
        LOG.warning(() -> "Rolled back: " + event.transfer() + " did not happen");
    }

    /**
     * The transaction manager reported that a transfer's resources did not all reach the same outcome
     * (some committed, some rolled back): counted, and logged as loudly as anything Tandem logs.
     */
    public void heuristicOutcome(UUID transferId, Throwable reported) {
        heuristic.incrementAndGet();
        LOG.log(Level.SEVERE, "HEURISTIC OUTCOME for transfer " + transferId + ": its resources did not all reach the same"
                + " outcome. Check it with ./tandem verify and GET /transfers/" + transferId + "; the transaction log under"
                + " the domain's logs/tx holds the details.", reported);
    }

    void alertSent() {
        alertsSent.incrementAndGet();
    }

    void alertFailed() {
        alertsFailed.incrementAndGet();
    }

    /** The counts, by name. */
    public Map<String, Long> snapshot() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("accepted", accepted.get());
        counts.put("completed", completed.get());
        counts.put("rejected", rejected.get());
        counts.put("rolledBack", rolledBack.get());
        counts.put("alertsSent", alertsSent.get());
        counts.put("alertsFailed", alertsFailed.get());
        counts.put("heuristic", heuristic.get());
        return counts;
    }
}
