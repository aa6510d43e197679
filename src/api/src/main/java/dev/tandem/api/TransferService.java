package dev.tandem.api;

import jakarta.ejb.Remote;
import java.util.List;
import java.util.UUID;

/**
 * Tandem's remote EJB view, for Java clients over IIOP.
 * <p>
 * Look it up under {@link #JNDI_NAME}. Every method is safe to retry: a transfer is identified by
 * its request id, and a repeated request with the same id returns the first outcome.
 */
@Remote
public interface TransferService {

    /** The portable global JNDI name of the remote view. */
    String JNDI_NAME = "java:global/tandem/tandem-core/TransferServiceBean!dev.tandem.api.TransferService";

    /**
     * Moves money and waits for the outcome: {@code COMPLETED}, or {@code REJECTED} with a reason.
     * Both legs, the transfer record and the outcome event commit in one XA transaction.
     *
     * @throws InvalidTransferException  the request is malformed; nothing was recorded
     * @throws TransferConflictException the id was used before for a different request
     */
    TransferDetails transfer(TransferRequest request) throws InvalidTransferException, TransferConflictException;

    TransferDetails findTransfer(UUID id) throws UnknownTransferException;

    List<AccountDetails> accounts();

    AccountDetails findAccount(String id) throws UnknownAccountException;

    LedgerTotals totals();
}
