package dev.tandem.api;

import java.util.UUID;

/**
 * A transfer that could not be brought to an outcome for a technical reason (a ledger database, the broker
 * or the transaction manager failed), classified by what the caller may do: the same three kinds reach
 * REST callers as {@code 503 service-unavailable}, {@code 500 outcome-unknown} and
 * {@code 500 heuristic-outcome}. The message says what happened and what to do; the server logs the cause.
 */
public abstract class TransferFailureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final UUID transferId;

    protected TransferFailureException(UUID transferId, String message) {
        super(message);
        this.transferId = transferId;
    }

    /** The transfer concerned; null for a failure of a request that was not a transfer. */
    public UUID transferId() {
        return transferId;
    }
}
