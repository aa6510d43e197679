package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/** A transfer was refused for a business reason; no money moved. */
public record TransferRejected(long sequence, TransferDetails transfer) implements TransferOutcome {

    @Override
    public String kind() {
        return "rejected";
    }
}
