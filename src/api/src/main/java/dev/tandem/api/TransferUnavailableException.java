package dev.tandem.api;

import java.util.UUID;

/** Nothing was changed: Tandem is stopping, or a ledger or the broker failed before the commit. Safe to retry with the same id. */
public class TransferUnavailableException extends TransferFailureException {

    private static final long serialVersionUID = 1L;

    public TransferUnavailableException(UUID transferId, String message) {
        super(transferId, message);
    }
}
