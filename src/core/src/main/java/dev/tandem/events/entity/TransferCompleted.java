package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/** Both legs of a transfer were posted. */
public record TransferCompleted(TransferDetails transfer) implements TransferEvent {
}
