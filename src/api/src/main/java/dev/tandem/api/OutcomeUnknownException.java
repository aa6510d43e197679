package dev.tandem.api;

import java.util.UUID;

/**
 * The transfer's commit did not reach every resource, or did not end in time: if it was decided to commit,
 * the transaction manager completes it once the resource is back. Look the transfer up, or retry with the
 * same id: a transfer is applied at most once.
 */
public class OutcomeUnknownException extends TransferFailureException {

    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(UUID transferId, String message) {
        super(transferId, message);
    }
}
