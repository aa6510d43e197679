package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;

/** A committed transfer moved at least the alert threshold; fired asynchronously, after the commit. */
public record LargeTransferDetected(TransferDetails transfer) {
}
