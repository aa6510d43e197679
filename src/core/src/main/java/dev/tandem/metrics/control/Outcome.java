package dev.tandem.metrics.control;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import java.util.Locale;

/** How a call into the engine ended: the tag {@code outcome} of the transfer metrics. */
public enum Outcome {
    /** accepted for the queue */
    PENDING,
    COMPLETED,
    /** a business rejection, recorded */
    REJECTED,
    /** malformed: refused, nothing recorded */
    INVALID,
    /** the id was used before for another request */
    CONFLICT,
    /** a technical failure: the transaction rolled back (a queued request comes back) */
    FAILED,
    /** the commit failed part-way: the transaction manager completes it later */
    OUTCOME_UNKNOWN;

    public static Outcome of(TransferDetails transfer) {
        return valueOf(transfer.status().name());
    }

    /** What a call that failed with {@code failure} tells its caller. */
    public static Outcome of(Exception failure) {
        if (failure instanceof InvalidTransferException) {
            return INVALID;
        }
        if (failure instanceof TransferConflictException) {
            return CONFLICT;
        }
        return failure instanceof OutcomeUnknownException ? OUTCOME_UNKNOWN : FAILED;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
