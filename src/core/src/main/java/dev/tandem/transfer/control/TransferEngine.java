package dev.tandem.transfer.control;

import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.events.control.EventSequence;
import dev.tandem.events.entity.TransferAccepted;
import dev.tandem.events.entity.TransferEvent;
import dev.tandem.events.entity.TransferOutcome;
import dev.tandem.faults.control.FaultPoint;
import dev.tandem.faults.control.FaultSwitch;
import dev.tandem.ledger.control.Ledgers;
import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerId;
import dev.tandem.transfer.entity.Rejection;
import dev.tandem.transfer.entity.TransferRecord;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Executes one transfer in the caller's JTA transaction, or a new one: debit leg in the source
 * ledger, credit leg in the target ledger, the transfer record, and the outcome event, whose
 * in-transaction observers write the audit row and publish the outcome to the broker. Everything
 * commits or nothing does; observers of the later phases learn which.
 * <p>
 * Every entry point (remote EJB, REST, the request queue) ends up here, so synchronous and
 * asynchronous transfers follow the same rules.
 */
@Stateless
public class TransferEngine {

    private static final Logger LOG = Logger.getLogger(TransferEngine.class.getName());

    @Inject
    Ledgers ledgers;

    @Inject
    TransferRegistry registry;

    @Inject
    TransferMessages messages;

    @Inject
    EventSequence sequence;

    @Inject
    Event<TransferEvent> events;

    @Inject
    FaultSwitch faults;

    /**
     * Applies a transfer, or settles one accepted earlier by {@link #accept}.
     *
     * @param request a well-formed request with an id
     * @param trace   the trace the call belongs to, recorded with a transfer that is new
     * @return the outcome, {@code COMPLETED} or {@code REJECTED}; for an id settled before, that outcome
     * @throws TransferConflictException  the id was recorded before for a different request
     * @throws DuplicateTransferException a concurrent transaction recorded the id first; this one rolls back
     */
    public TransferDetails apply(TransferRequest request, TransferMode mode, TraceContext trace)
            throws TransferConflictException, DuplicateTransferException {
        LOG.fine(() -> "The " + TransferLog.subject(request.id(), trace) + " begins (" + mode + ")");
        faults.at(FaultPoint.Stage.FIRST, request.id());
        Optional<Rejection> rejection = TransferPolicy.screen(request);
        var locked = new HashMap<String, Account>();
        // Ledger A's accounts before the registry: a concurrent transaction with the same id holds them until
        // ledger A commits its record too, which is then found here instead of colliding with it on insert
        // (a transfer between two accounts of ledger B can still collide, and is then run again).
        if (rejection.isEmpty()) {
            locked.putAll(ledgers.lockInOrder(LedgerId.A, request.from(), request.to()));
        }
        // locked, so that a pending transfer is settled by one transaction only
        Optional<TransferRecord> earlier = registry.findForUpdate(request.id());
        faults.at(FaultPoint.Stage.AFTER_LEDGER_A, request.id());
        if (earlier.isPresent() && (earlier.get().isFinal() || !earlier.get().isRequestedBy(request))) {
            return replay(earlier.get(), request);
        }
        Instant now = now();
        if (rejection.isEmpty()) {
            locked.putAll(ledgers.lockInOrder(LedgerId.B, request.from(), request.to()));
            rejection = postLegs(request, locked, now);
        }
        TransferRecord record = earlier.orElseGet(() -> TransferRecord.accepted(request, mode, now, trace));
        record.settle(rejection, now);
        if (earlier.isEmpty()) {
            registry.add(record);
        }
        TransferDetails outcome = record.details();
        // still holding the accounts' locks: see TransferEvent#sequence
        events.fire(TransferOutcome.of(outcome, sequence.next()));
        faults.at(FaultPoint.Stage.LAST, request.id());
        LOG.fine(() -> "The " + TransferLog.subject(request.id(), trace) + " is " + outcome.status() + ", to be committed");
        return outcome;
    }

    /**
     * Accepts a transfer for asynchronous processing: records it as {@code PENDING} in {@code trace} and puts it
     * on the request queue, with the trace, in the caller's transaction, so that both happen or neither does.
     *
     * @return the pending transfer; for an id seen before, that transfer as it stands
     * @throws TransferConflictException  the id was recorded before for a different request
     * @throws DuplicateTransferException a concurrent transaction recorded the id first; this one rolls back
     */
    public TransferDetails accept(TransferRequest request, TraceContext trace) throws TransferConflictException, DuplicateTransferException {
        faults.at(FaultPoint.Stage.FIRST, request.id());
        Optional<TransferRecord> earlier = registry.find(request.id());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        TransferRecord record = TransferRecord.accepted(request, TransferMode.ASYNC, now(), trace);
        registry.add(record);
        messages.enqueue(request, trace);
        TransferDetails accepted = record.details();
        events.fire(new TransferAccepted(sequence.next(), accepted));
        return accepted;
    }

    private Optional<Rejection> postLegs(TransferRequest request, Map<String, Account> locked, Instant now) {
        Account source = locked.get(request.from());
        Account target = locked.get(request.to());
        Optional<Rejection> rejection = TransferPolicy.check(request, source, target);
        if (rejection.isEmpty()) {
            // exact: the policy has ruled out more than two decimal places
            BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
            String transferId = request.id().toString();
            ledgers.post(source, transferId, amount.negate(), now);
            // The source ledger is written now and the target ledger on commit: a failure there is a
            // failure after the first ledger has written, which the two-phase commit undoes, and it
            // comes after the outcome event, so that its AFTER_FAILURE observers learn of it.
            ledgers.flush(source);
            ledgers.post(target, transferId, amount, now);
        }
        return rejection;
    }

    private static TransferDetails replay(TransferRecord earlier, TransferRequest request) throws TransferConflictException {
        if (!earlier.isRequestedBy(request)) {
            throw new TransferConflictException(request.id(), "transfer " + request.id()
                    + " was already requested with different content: " + earlier.details());
        }
        return earlier.details();
    }

    /** The databases keep microseconds: answer now with what a later read will return. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
