package dev.tandem.api;

import java.util.UUID;

/**
 * The transaction manager reported that the transfer's resources did not all reach the same outcome.
 * Operators are alerted; look the transfer up and run {@code ./tandem verify} before retrying.
 */
public class HeuristicOutcomeException extends TransferFailureException {

    private static final long serialVersionUID = 1L;

    public HeuristicOutcomeException(UUID transferId, String message) {
        super(transferId, message);
    }
}
