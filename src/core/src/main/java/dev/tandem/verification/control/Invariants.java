package dev.tandem.verification.control;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.reducing;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import dev.tandem.verification.control.LedgerSnapshot.Account;
import dev.tandem.verification.control.LedgerSnapshot.Audit;
import dev.tandem.verification.control.LedgerSnapshot.DeadLetter;
import dev.tandem.verification.control.LedgerSnapshot.Entry;
import dev.tandem.verification.control.LedgerSnapshot.Transfer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Tandem's invariants, checked on a snapshot. Each broken one is a finding that names what is wrong. */
public final class Invariants {

    /** The transfer id of opening entries (see {@code LedgerEntry.OPENING_TRANSFER}). */
    static final String OPENING = "00000000-0000-0000-0000-000000000000";

    private Invariants() {
    }

    /** @return what is wrong, one sentence each; empty if everything holds */
    public static List<String> check(LedgerSnapshot snapshot) {
        var findings = new ArrayList<String>();
        Map<String, Transfer> records = recordsById(snapshot, findings);
        checkBalances(snapshot, findings);
        checkConservation(snapshot, findings);
        checkTransfers(snapshot, records, findings);
        snapshot.preparedTransactions().forEach((ledger, prepared) -> {
            if (!prepared.isEmpty()) {
                findings.add("ledger " + ledger + " has " + prepared.size() + " prepared transaction(s) that nobody completed: " + prepared);
            }
        });
        snapshot.deadLetters().forEach(letter -> {
            Transfer record = records.get(letter.transferId());
            if (record == null || record.status().equals("PENDING")) {
                findings.add("the request for transfer " + letter.transferId() + " (" + letter.messageId()
                        + ") is on the dead-letter queue and has not been replayed");
            }
        });
        return findings;
    }

    /** Every balance is the sum of its account's entries, each entry in its account's ledger. */
    private static void checkBalances(LedgerSnapshot snapshot, List<String> findings) {
        Map<String, Account> accounts = snapshot.accounts().stream().collect(toMap(Account::id, Function.identity()));
        Map<String, BigDecimal> sums = snapshot.entries().stream()
                .collect(groupingBy(Entry::accountId, TreeMap::new, reducing(BigDecimal.ZERO, Entry::amount, BigDecimal::add)));
        for (Entry entry : snapshot.entries()) {
            Account account = accounts.get(entry.accountId());
            if (account == null || !account.ledger().equals(entry.ledger())) {
                findings.add("entry " + entry.id() + " in ledger " + entry.ledger() + " is for account " + entry.accountId()
                        + ", which that ledger does not hold");
            }
        }
        for (Account account : snapshot.accounts()) {
            BigDecimal sum = sums.getOrDefault(account.id(), BigDecimal.ZERO);
            if (account.balance().compareTo(sum) != 0) {
                findings.add("account " + account.id() + " holds " + account.balance() + " but its entries add up to " + sum);
            }
            if (account.balance().signum() < 0) {
                findings.add("account " + account.id() + " is overdrawn: " + account.balance());
            }
        }
    }

    /** Per currency, all balances together are what the accounts were opened with. */
    private static void checkConservation(LedgerSnapshot snapshot, List<String> findings) {
        Map<String, String> currencyOf = snapshot.accounts().stream().collect(toMap(Account::id, Account::currency, (a, b) -> a));
        var held = new TreeMap<String, BigDecimal>();
        snapshot.accounts().forEach(account -> held.merge(account.currency(), account.balance(), BigDecimal::add));
        var opened = new TreeMap<String, BigDecimal>();
        snapshot.entries().stream().filter(entry -> entry.transferId().equals(OPENING))
                .forEach(entry -> opened.merge(currencyOf.getOrDefault(entry.accountId(), "?"), entry.amount(), BigDecimal::add));
        held.forEach((currency, total) -> {
            BigDecimal opening = opened.getOrDefault(currency, BigDecimal.ZERO);
            if (total.compareTo(opening) != 0) {
                findings.add("money is not conserved in " + currency + ": the accounts hold " + total + ", they were opened with " + opening);
            }
        });
    }

    /**
     * Every transfer has one outcome; a completed one has exactly its two legs (the debit of its source
     * in the source's ledger, the credit of its target in the target's ledger, both of its amount), any
     * other has none; a settled one has its audit row; a pending one still has its request on a queue.
     */
    private static void checkTransfers(LedgerSnapshot snapshot, Map<String, Transfer> records, List<String> findings) {
        Map<String, List<Entry>> legs = snapshot.entries().stream().filter(entry -> !entry.transferId().equals(OPENING))
                .collect(groupingBy(Entry::transferId, TreeMap::new, toList()));
        legs.forEach((id, entries) -> {
            Transfer record = records.get(id);
            if (record == null) {
                findings.add("transfer " + id + " has legs " + describe(entries) + " but no record");
            } else if (!record.status().equals("COMPLETED")) {
                findings.add("transfer " + id + " is " + record.status() + " but has legs " + describe(entries));
            }
        });
        Set<Audit> audited = new HashSet<>(snapshot.audit());
        Set<String> deadLettered = snapshot.deadLetters().stream().map(DeadLetter::transferId).collect(toSet());
        for (Transfer record : records.values()) {
            List<Entry> entries = legs.getOrDefault(record.id(), List.of());
            if (record.status().equals("COMPLETED")) {
                checkLegs(record, entries, findings);
            }
            if (!record.status().equals("PENDING") && !audited.contains(new Audit(record.id(), record.status()))) {
                findings.add("transfer " + record.id() + " is " + record.status() + " but the audit trail does not say so");
            }
            if (record.status().equals("PENDING") && !snapshot.queuedTransfers().contains(record.id())
                    && !deadLettered.contains(record.id())) {
                findings.add("transfer " + record.id() + " is PENDING but its request is on no queue");
            }
        }
    }

    private static void checkLegs(Transfer record, List<Entry> entries, List<String> findings) {
        BigDecimal amount = new BigDecimal(record.amount());
        List<Entry> debits = entries.stream().filter(entry -> entry.amount().signum() < 0).toList();
        List<Entry> credits = entries.stream().filter(entry -> entry.amount().signum() > 0).toList();
        checkLeg(record, "debit", debits, record.from(), amount.negate(), findings);
        checkLeg(record, "credit", credits, record.to(), amount, findings);
    }

    private static void checkLeg(Transfer record, String side, List<Entry> legs, String account, BigDecimal amount,
                                 List<String> findings) {
        String ledger = account.substring(0, 1);
        if (legs.isEmpty()) {
            findings.add("transfer " + record.id() + " is COMPLETED but its " + side + " of " + account + " in ledger " + ledger
                    + " is missing");
        } else if (legs.size() > 1) {
            findings.add("transfer " + record.id() + " has " + legs.size() + " " + side + " legs: " + describe(legs));
        } else {
            Entry leg = legs.get(0);
            if (!leg.accountId().equals(account) || !leg.ledger().equals(ledger) || leg.amount().compareTo(amount) != 0) {
                findings.add("transfer " + record.id() + " has a " + side + " of " + leg.amount() + " on " + leg.accountId()
                        + " in ledger " + leg.ledger() + ", not " + amount + " on " + account + " in ledger " + ledger);
            }
        }
    }

    private static Map<String, Transfer> recordsById(LedgerSnapshot snapshot, List<String> findings) {
        var records = new TreeMap<String, Transfer>();
        for (Transfer record : snapshot.transfers()) {
            Transfer earlier = records.put(record.id(), record);
            if (earlier != null) {
                findings.add("transfer " + record.id() + " is recorded more than once: " + earlier.status() + " and " + record.status());
            }
        }
        return records;
    }

    private static String describe(List<Entry> entries) {
        return entries.stream().map(entry -> entry.accountId() + " " + entry.amount() + " in ledger " + entry.ledger()).toList().toString();
    }
}
