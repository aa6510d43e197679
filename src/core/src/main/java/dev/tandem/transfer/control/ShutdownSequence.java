package dev.tandem.transfer.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The first to hear that the application stops: Payara shuts an application's singletons down before
 * any of its other EJB containers, so this is where {@link EngineAdmission} closes and drains.
 */
@Singleton
@Startup
public class ShutdownSequence {

    /** Below Payara's 30 s for a message-driven bean to stop; a transfer waits at most seconds for a lock. */
    static final Duration DRAIN_PATIENCE = Duration.ofSeconds(20);

    @Inject
    EngineAdmission admission;

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void closeEngineAdmission() {
        try {
            admission.closeAndDrain(DRAIN_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
