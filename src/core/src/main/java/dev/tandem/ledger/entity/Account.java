package dev.tandem.ledger.entity;

import dev.tandem.api.AccountDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An account in one ledger. Its balance never goes below zero (also a constraint in the database). */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private String id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal balance;

    protected Account() {
    }

    public Account(String id, String owner, String currency, BigDecimal balance) {
        this.id = id;
        this.owner = owner;
        this.currency = currency;
        this.balance = balance;
    }

    public String id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal balance() {
        return balance;
    }

    public LedgerId ledger() {
        return LedgerId.ofAccount(id).orElseThrow();
    }

    public boolean canCover(BigDecimal amount) {
        return balance.compareTo(amount) >= 0;
    }

    /** Adds a signed amount to the balance and returns the entry recording it. */
    public LedgerEntry post(String transferId, BigDecimal delta, Instant at) {
        BigDecimal after = balance.add(delta);
        if (after.signum() < 0) {
            throw new IllegalStateException("posting " + delta + " would overdraw " + id);
        }
        balance = after;
        return new LedgerEntry(transferId, id, delta, after, at);
    }

    public AccountDetails details() {
        return new AccountDetails(id, ledger().name(), owner, currency, balance);
    }
}
