package dev.tandem.verification.control;

import java.math.BigDecimal;

/** The rows the invariants are checked against, as the ledgers and the broker hold them. */
public final class LedgerRows {

    private LedgerRows() {
    }

    /** An account as its ledger holds it. */
    public record Account(String ledger, String id, String currency, BigDecimal balance) {
    }

    /** A row of a ledger's {@code ledger_entry} table. */
    public record Entry(String ledger, String id, String transferId, String accountId, BigDecimal amount) {
    }

    /** A row of the transfer registry; the amount as requested. */
    public record Transfer(String id, String from, String to, String amount, String currency, String status) {
    }

    /** A row of the audit trail. */
    public record Audit(String transferId, String outcome) {
    }

    /** A request on the dead-letter queue, with the transfer id Tandem gives it ("?" if unreadable). */
    public record DeadLetter(String messageId, String transferId) {
    }
}
