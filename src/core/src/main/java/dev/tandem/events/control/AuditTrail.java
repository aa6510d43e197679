package dev.tandem.events.control;

import dev.tandem.events.entity.AuditEntry;
import dev.tandem.events.entity.TransferEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Writes an audit row for everything that happens to a transfer, inside its transaction: it rolls back with it. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "ledger-a")
    EntityManager ledgerA;

    void record(@Observes(during = TransactionPhase.IN_PROGRESS) @Priority(OutcomePublisher.PUBLISH_PRIORITY + 100) TransferEvent event) {
        ledgerA.persist(new AuditEntry(event.transfer(), Instant.now()));
    }
}
