package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/** Both legs of a transfer were posted. */
public record TransferCompleted(long sequence, TransferDetails transfer) implements TransferOutcome {

    @Override
    public String kind() {
        return "completed";
    }
}
