package dev.tandem.transfer.entity;

import dev.tandem.api.RejectionReason;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What was asked under one transfer id and what came of it. The amount is kept as requested, as
 * text: a rejected request may carry an amount no ledger column could hold (too many decimals,
 * absurdly large), and it is recorded all the same.
 */
@Entity
@Table(name = "transfer_record")
public class TransferRecord {

    @Id
    private String id;

    @Column(name = "from_account", nullable = false)
    private String from;

    @Column(name = "to_account", nullable = false)
    private String to;

    @Column(name = "requested_amount", nullable = false)
    private String amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferStatus status;

    @Enumerated(EnumType.STRING)
    private RejectionReason reason;

    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferMode mode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "trace_id", length = 32)
    private String traceId;

    protected TransferRecord() {
    }

    private TransferRecord(TransferRequest request, TransferMode mode, TransferStatus status, Instant at, TraceContext trace) {
        this.id = request.id().toString();
        this.from = request.from();
        this.to = request.to();
        this.amount = request.amount().toPlainString();
        this.currency = request.currency();
        this.mode = mode;
        this.status = status;
        this.createdAt = at;
        this.traceId = trace.traceId();
    }

    /** A transfer as it is accepted in {@code trace}, {@code PENDING} until it is {@linkplain #settle settled}. */
    public static TransferRecord accepted(TransferRequest request, TransferMode mode, Instant at, TraceContext trace) {
        return new TransferRecord(request, mode, TransferStatus.PENDING, at, trace);
    }

    /**
     * Records the final outcome: {@code REJECTED} for the given reason, or {@code COMPLETED}, the amount
     * then being the one posted (in cents, which the policy has made sure of).
     */
    public void settle(Optional<Rejection> rejection, Instant at) {
        if (status.isFinal()) {
            throw new IllegalStateException("transfer " + id + " is already " + status);
        }
        rejection.ifPresentOrElse(refusal -> {
            status = TransferStatus.REJECTED;
            reason = refusal.reason();
            detail = refusal.detail();
        }, () -> {
            status = TransferStatus.COMPLETED;
            amount = new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        });
        completedAt = at;
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    public UUID id() {
        return UUID.fromString(id);
    }

    /** Whether {@code request} asks for exactly what this record was created for (its id aside). */
    public boolean isRequestedBy(TransferRequest request) {
        return request.hasSameContentAs(from, to, new BigDecimal(amount), currency);
    }

    public TransferDetails details() {
        return new TransferDetails(id(), from, to, new BigDecimal(amount), currency, status, reason, detail,
                mode, createdAt, completedAt, traceId);
    }
}
