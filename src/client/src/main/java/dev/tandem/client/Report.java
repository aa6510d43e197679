package dev.tandem.client;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.EntryDetails;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.TransferDetails;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The client's plain-text output. */
final class Report {

    private Report() {
    }

    static String line(TransferDetails transfer) {
        return line(transfer, null);
    }

    /** @param via the channel the outcome came back on, or {@code null} */
    static String line(TransferDetails transfer, Channel via) {
        var line = new StringBuilder("%-9s  %s -> %s  %s %s  id %s  (%s%s)".formatted(transfer.status(), transfer.from(),
                transfer.to(), transfer.amount().toPlainString(), transfer.currency(), transfer.id(),
                transfer.mode().name().toLowerCase(Locale.ROOT),
                via == null ? "" : ", via " + via.name().toLowerCase(Locale.ROOT)));
        if (transfer.reason() != null) {
            line.append("\n           ").append(transfer.reason()).append(": ").append(transfer.detail());
        }
        return line.toString();
    }

    static final String TRANSFER_HEADING = "%-27s  %-9s  %-10s    %-10s  %14s %-3s  %-5s  %s".formatted(
            "CREATED", "STATUS", "FROM", "TO", "AMOUNT", "", "MODE", "ID");

    /** A transfer as one row under {@link #TRANSFER_HEADING}. */
    static String row(TransferDetails transfer) {
        return "%-27s  %-9s  %-10s -> %-10s  %14s %-3s  %-5s  %s".formatted(transfer.createdAt(), transfer.status(),
                transfer.from(), transfer.to(), transfer.amount().toPlainString(), transfer.currency(),
                transfer.mode().name().toLowerCase(Locale.ROOT), transfer.id())
                + (transfer.reason() == null ? "" : "  " + transfer.reason());
    }

    static final String ENTRY_HEADING = "%-27s  %14s  %14s  %s".formatted("POSTED", "AMOUNT", "BALANCE AFTER", "TRANSFER");

    /** A statement line as one row under {@link #ENTRY_HEADING}. */
    static String row(EntryDetails entry) {
        return "%-27s  %14s  %14s  %s".formatted(entry.postedAt(), entry.amount().toPlainString(),
                entry.balanceAfter().toPlainString(), entry.transfer() == null ? "(opening balance)" : entry.transfer());
    }

    static String accounts(List<AccountDetails> accounts) {
        var table = new StringBuilder("%-10s %-6s %-20s %-8s %14s%n".formatted("ID", "LEDGER", "OWNER", "CURRENCY", "BALANCE"));
        accounts.forEach(account -> table.append("%-10s %-6s %-20s %-8s %14s%n".formatted(account.id(), account.ledger(),
                account.owner(), account.currency(), account.balance().toPlainString())));
        return table.toString();
    }

    static String totals(LedgerTotals totals) {
        var text = new StringBuilder();
        totals.byLedger().forEach((ledger, sums) -> text.append(row("ledger " + ledger, sums)));
        text.append(row("overall", totals.overall()));
        return text.toString();
    }

    private static String row(String label, Map<String, BigDecimal> sums) {
        var row = new StringBuilder("%-9s".formatted(label));
        sums.forEach((currency, sum) -> row.append("  %s %14s".formatted(currency, sum.toPlainString())));
        return row.append(System.lineSeparator()).toString();
    }
}
