package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferStatus;

/** The final outcome of a transfer: completed or rejected. */
public sealed interface TransferOutcome extends TransferEvent permits TransferCompleted, TransferRejected {

    static TransferOutcome of(TransferDetails outcome, long sequence) {
        if (outcome.status() == TransferStatus.COMPLETED) {
            return new TransferCompleted(sequence, outcome);
        }
        if (outcome.status() == TransferStatus.REJECTED) {
            return new TransferRejected(sequence, outcome);
        }
        throw new IllegalArgumentException("not an outcome: " + outcome);
    }
}
