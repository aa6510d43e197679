package dev.tandem.api;

/** Where a transfer stands. {@code COMPLETED} and {@code REJECTED} are final. */
public enum TransferStatus {
    /** Accepted for asynchronous processing, not yet applied. */
    PENDING,
    /** Both legs were posted. */
    COMPLETED,
    /** Refused for a business reason; no money moved. */
    REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
