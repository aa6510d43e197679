package dev.tandem.ledger.entity;

import dev.tandem.api.EntryDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One leg of a transfer: a signed amount posted to one account. Its id is the transfer id plus
 * the side ({@code :D} debit, {@code :C} credit), so a leg can exist at most once per transfer.
 * An account's first entry is its opening balance, under the {@link #OPENING_TRANSFER} id.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    /** The transfer id of opening entries: the nil UUID, which no transfer has. */
    public static final String OPENING_TRANSFER = "00000000-0000-0000-0000-000000000000";

    public static String openingId(String accountId) {
        return "open:" + accountId;
    }

    @Id
    private String id;

    @Column(name = "transfer_id", nullable = false, length = 36)
    private String transferId;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "balance_after", nullable = false, precision = 19, scale = 2)
    private BigDecimal balanceAfter;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected LedgerEntry() {
    }

    LedgerEntry(String transferId, String accountId, BigDecimal amount, BigDecimal balanceAfter, Instant postedAt) {
        this.id = transferId + (amount.signum() < 0 ? ":D" : ":C");
        this.transferId = transferId;
        this.accountId = accountId;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.postedAt = postedAt;
    }

    public String transferId() {
        return transferId;
    }

    public String accountId() {
        return accountId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public EntryDetails details() {
        return new EntryDetails(id, accountId, OPENING_TRANSFER.equals(transferId) ? null : UUID.fromString(transferId), amount,
                balanceAfter, postedAt);
    }
}
