package dev.tandem.transfer.control;

import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.events.entity.TransferEvent;
import dev.tandem.ledger.control.Ledgers;
import dev.tandem.ledger.entity.Account;
import dev.tandem.transfer.entity.Rejection;
import dev.tandem.transfer.entity.TransferRecord;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Executes one transfer in the caller's JTA transaction, or a new one: debit leg in the source
 * ledger, credit leg in the target ledger, the transfer record, and the outcome event, whose
 * observers write the audit row and publish the outcome to the broker. Everything commits or nothing
 * does.
 * <p>
 * Every entry point (remote EJB, REST, the request queue) ends up here, so synchronous and
 * asynchronous transfers follow the same rules.
 */
@Stateless
public class TransferEngine {

    @Inject
    Ledgers ledgers;

    @Inject
    TransferRegistry registry;

    @Inject
    Event<TransferEvent> outcomes;

    /**
     * @param request a well-formed request with an id
     * @return the outcome, {@code COMPLETED} or {@code REJECTED}; for an id seen before, the first outcome
     * @throws TransferConflictException  the id was recorded before for a different request
     * @throws DuplicateTransferException a concurrent transaction recorded the id first; this one rolls back
     */
    public TransferDetails execute(TransferRequest request, TransferMode mode)
            throws TransferConflictException, DuplicateTransferException {
        Optional<TransferRecord> earlier = registry.find(request.id());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        // the databases keep microseconds: answer now with what a later read will return
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Rejection> rejection = TransferPolicy.screen(request);
        if (rejection.isEmpty()) {
            rejection = postLegs(request, now);
        }
        TransferRecord record = rejection
                .map(refusal -> TransferRecord.rejected(request, mode, refusal, now))
                .orElseGet(() -> TransferRecord.completed(request, mode, cents(request.amount()), now));
        registry.add(record);
        TransferDetails outcome = record.details();
        outcomes.fire(TransferEvent.of(outcome));
        return outcome;
    }

    private Optional<Rejection> postLegs(TransferRequest request, Instant now) {
        Map<String, Account> locked = ledgers.lockInOrder(request.from(), request.to());
        Account source = locked.get(request.from());
        Account target = locked.get(request.to());
        Optional<Rejection> rejection = TransferPolicy.check(request, source, target);
        if (rejection.isEmpty()) {
            BigDecimal amount = cents(request.amount());
            String transferId = request.id().toString();
            ledgers.post(source, transferId, amount.negate(), now);
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

    /** Exact: {@link TransferPolicy#screen} has ruled out more than two decimal places. */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
