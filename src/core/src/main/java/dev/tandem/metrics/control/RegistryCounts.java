package dev.tandem.metrics.control;

import dev.tandem.api.TransferStatus;
import dev.tandem.transfer.control.TransferRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The registry's counts by status, read inside the EJB module: its persistence units are found by the component
 * that is current, and a scrape comes from the web module, which does not see them.
 */
@Stateless
public class RegistryCounts {

    @Inject
    TransferRegistry registry;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<TransferStatus, Long> byStatus() {
        return registry.countByStatus();
    }
}
