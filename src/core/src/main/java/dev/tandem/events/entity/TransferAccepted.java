package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/** A transfer was accepted for asynchronous processing and queued; it is {@code PENDING}. */
public record TransferAccepted(long sequence, TransferDetails transfer) implements TransferEvent {

    @Override
    public String kind() {
        return "accepted";
    }
}
