package dev.tandem.api;

/**
 * Why a transfer was refused. A rejection is an outcome, recorded and answered like a
 * completion, never retried.
 */
public enum RejectionReason {
    INVALID_AMOUNT("Invalid amount"),
    AMOUNT_LIMIT_EXCEEDED("Amount above the per-transfer limit"),
    SAME_ACCOUNT("Source and target are the same account"),
    UNKNOWN_ACCOUNT("Unknown account"),
    CURRENCY_MISMATCH("Currency mismatch"),
    INSUFFICIENT_FUNDS("Insufficient funds");

    private final String title;

    RejectionReason(String title) {
        this.title = title;
    }

    /** A short human-readable summary, the same for every rejection of this kind. */
    public String title() {
        return title;
    }
}
