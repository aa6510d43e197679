package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferStatus;

/** The outcome of one transfer, fired by the engine inside the transfer's transaction. */
public sealed interface TransferEvent permits TransferCompleted, TransferRejected {

    TransferDetails transfer();

    static TransferEvent of(TransferDetails outcome) {
        if (outcome.status() == TransferStatus.COMPLETED) {
            return new TransferCompleted(outcome);
        }
        if (outcome.status() == TransferStatus.REJECTED) {
            return new TransferRejected(outcome);
        }
        throw new IllegalArgumentException("not an outcome: " + outcome);
    }
}
