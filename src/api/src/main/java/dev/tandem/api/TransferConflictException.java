package dev.tandem.api;

import java.util.UUID;

/** The transfer id was already used for a request with different content; nothing was changed. */
public class TransferConflictException extends Exception {

    private static final long serialVersionUID = 1L;

    private final UUID transferId;

    public TransferConflictException(UUID transferId, String detail) {
        super(detail);
        this.transferId = transferId;
    }

    public UUID transferId() {
        return transferId;
    }
}
