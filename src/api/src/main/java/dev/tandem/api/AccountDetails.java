package dev.tandem.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** An account and its current balance. {@code ledger} names the ledger database that holds it. */
public final class AccountDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String ledger;
    private final String owner;
    private final String currency;
    private final BigDecimal balance;

    public AccountDetails(String id, String ledger, String owner, String currency, BigDecimal balance) {
        this.id = id;
        this.ledger = ledger;
        this.owner = owner;
        this.currency = currency;
        this.balance = balance;
    }

    public String id() {
        return id;
    }

    public String ledger() {
        return ledger;
    }

    public String owner() {
        return owner;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal balance() {
        return balance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountDetails other
                && Objects.equals(id, other.id)
                && Objects.equals(ledger, other.ledger)
                && Objects.equals(owner, other.owner)
                && Objects.equals(currency, other.currency)
                && Objects.equals(balance, other.balance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, balance);
    }

    @Override
    public String toString() {
        return id + " (" + ledger + ", " + owner + "): " + balance + " " + currency;
    }
}
