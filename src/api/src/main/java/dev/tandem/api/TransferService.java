package dev.tandem.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Tandem's remote EJB view, for Java clients over IIOP (Payara) or remote+http (WildFly); the server's bean
 * declares it its remote business interface, so that this module needs no EJB API.
 * <p>
 * Look it up under {@link #JNDI_NAME}. Every method is safe to retry: a transfer is identified by
 * its request id, and a repeated request with the same id returns the first outcome.
 */
public interface TransferService {

    /** The portable global JNDI name of the remote view. */
    String JNDI_NAME = "java:global/tandem/tandem-core/TransferServiceBean!dev.tandem.api.TransferService";

    /**
     * Moves money and waits for the outcome: {@code COMPLETED}, or {@code REJECTED} with a reason.
     * Both legs, the transfer record and the outcome event commit in one XA transaction.
     *
     * @throws InvalidTransferException  the request is malformed; nothing was recorded
     * @throws TransferConflictException the id was used before for a different request
     * @throws TransferFailureException  a technical failure: {@link TransferUnavailableException} (nothing
     *                                   happened, retry), {@link OutcomeUnknownException} (look it up or retry
     *                                   with the same id) or {@link HeuristicOutcomeException}
     */
    TransferDetails transfer(TransferRequest request) throws InvalidTransferException, TransferConflictException, TransferFailureException;

    /**
     * Accepts a transfer for asynchronous processing and returns at once with its id. Recording it as
     * {@code PENDING} and queueing it happen in one transaction: once this returns, the transfer will
     * be applied. Follow it with {@link #findTransfer(UUID)}.
     *
     * @throws InvalidTransferException  the request is malformed; nothing was recorded
     * @throws TransferConflictException the id was used before for a different request
     * @throws TransferFailureException  a technical failure, as for {@link #transfer}
     */
    UUID submit(TransferRequest request) throws InvalidTransferException, TransferConflictException, TransferFailureException;

    /**
     * {@link #transfer(TransferRequest)} run by the server in the background: returns a future at once,
     * whose {@code get()} yields the outcome (or throws the exception {@code transfer} would have thrown,
     * wrapped in an {@code ExecutionException}).
     */
    Future<TransferDetails> transferAsync(TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException;

    TransferDetails findTransfer(UUID id) throws UnknownTransferException;

    List<AccountDetails> accounts();

    AccountDetails findAccount(String id) throws UnknownAccountException;

    LedgerTotals totals();
}
