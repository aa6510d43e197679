package dev.tandem.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A transfer as Tandem recorded it: what was asked, how, and what came of it.
 * {@code reason} and {@code detail} are set for rejections only; {@code completedAt} once the
 * outcome is final; {@code traceId} is the W3C trace the transfer belongs to ({@link TraceContext}), if it was
 * recorded with one.
 */
public final class TransferDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String from;
    private final String to;
    private final BigDecimal amount;
    private final String currency;
    private final TransferStatus status;
    private final RejectionReason reason;
    private final String detail;
    private final TransferMode mode;
    private final Instant createdAt;
    private final Instant completedAt;
    private final String traceId;

    public TransferDetails(UUID id, String from, String to, BigDecimal amount, String currency,
                           TransferStatus status, RejectionReason reason, String detail,
                           TransferMode mode, Instant createdAt, Instant completedAt, String traceId) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.reason = reason;
        this.detail = detail;
        this.mode = mode;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.traceId = traceId;
    }

    public UUID id() {
        return id;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public TransferStatus status() {
        return status;
    }

    /** Why the transfer was rejected, or {@code null}. */
    public RejectionReason reason() {
        return reason;
    }

    /** The rejection explained for this transfer (which account, which amount), or {@code null}. */
    public String detail() {
        return detail;
    }

    public TransferMode mode() {
        return mode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the outcome became final, or {@code null} while pending. */
    public Instant completedAt() {
        return completedAt;
    }

    /** The trace the transfer belongs to, or {@code null} for one recorded without. */
    public String traceId() {
        return traceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferDetails other
                && Objects.equals(id, other.id)
                && Objects.equals(from, other.from)
                && Objects.equals(to, other.to)
                && Objects.equals(amount, other.amount)
                && Objects.equals(currency, other.currency)
                && status == other.status
                && reason == other.reason
                && Objects.equals(detail, other.detail)
                && mode == other.mode
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(traceId, other.traceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, completedAt);
    }

    @Override
    public String toString() {
        return "Transfer[" + id + ": " + from + " -> " + to + ", " + amount + " " + currency + ", " + status
                + (reason == null ? "" : " (" + reason + ")") + "]";
    }
}
