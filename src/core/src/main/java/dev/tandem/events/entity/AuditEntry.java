package dev.tandem.events.entity;

import dev.tandem.api.TransferDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: a transfer outcome, written in the transfer's own transaction. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "transfer_id", nullable = false, length = 36)
    private String transferId;

    @Column(nullable = false)
    private String outcome;

    @Column(nullable = false)
    private String summary;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AuditEntry() {
    }

    public AuditEntry(TransferDetails transfer, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.transferId = transfer.id().toString();
        this.outcome = transfer.status().name();
        this.summary = transfer.toString();
        this.recordedAt = recordedAt;
    }
}
