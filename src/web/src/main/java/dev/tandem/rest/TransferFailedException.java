package dev.tandem.rest;

import java.util.UUID;

/** A transfer failed for a technical reason (its cause): the answer and the log name the transfer. */
public final class TransferFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID transferId;

    public TransferFailedException(UUID transferId, Throwable cause) {
        super("transfer " + transferId + " failed: " + cause, cause);
        this.transferId = transferId;
    }

    public UUID transferId() {
        return transferId;
    }
}
