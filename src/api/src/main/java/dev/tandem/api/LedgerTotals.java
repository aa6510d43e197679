package dev.tandem.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sum of all balances, per ledger and currency, and overall per currency.
 * Transfers move money between ledgers but never create or destroy it, so the overall sums
 * only change when accounts are opened: this is Tandem's conservation check.
 */
public final class LedgerTotals implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, TreeMap<String, BigDecimal>> byLedger;

    /** @param byLedger ledger name to (currency to sum of balances) */
    public LedgerTotals(Map<String, ? extends Map<String, BigDecimal>> byLedger) {
        this.byLedger = new TreeMap<>();
        byLedger.forEach((ledger, sums) -> this.byLedger.put(ledger, new TreeMap<>(sums)));
    }

    /** Ledger name to (currency to sum of balances). */
    public Map<String, Map<String, BigDecimal>> byLedger() {
        return Collections.unmodifiableMap(byLedger);
    }

    /** Currency to the sum of its balances across all ledgers. */
    public Map<String, BigDecimal> overall() {
        var overall = new TreeMap<String, BigDecimal>();
        byLedger.values().forEach(sums -> sums.forEach((currency, sum) -> overall.merge(currency, sum, BigDecimal::add)));
        return Collections.unmodifiableMap(overall);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerTotals other && byLedger.equals(other.byLedger);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byLedger);
    }

    @Override
    public String toString() {
        return "LedgerTotals" + byLedger + ", overall " + overall();
    }
}
