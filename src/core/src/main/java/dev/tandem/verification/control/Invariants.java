package dev.tandem.verification.control;

import dev.tandem.verification.control.LedgerRows.Account;
import dev.tandem.verification.control.LedgerRows.Audit;
import dev.tandem.verification.control.LedgerRows.DeadLetter;
import dev.tandem.verification.control.LedgerRows.Entry;
import dev.tandem.verification.control.LedgerRows.Transfer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tandem's invariants, checked in one pass over the ledgers' rows sorted by transfer id: memory grows
 * with the number of accounts and of requests waiting on queues, never with the number of transfers.
 * Each broken invariant is a finding that names what is wrong.
 * <p>
 * Called in this order: {@link #checkTransfers} with the rows streamed from the databases, then
 * {@link #checkQueued} with the requests browsed on the request queue after them (a request taken off
 * the queue in between has settled its transfer by then), {@link #checkPrepared} per ledger, and
 * {@link #result}.
 */
public final class Invariants {

    /** The transfer id of opening entries (see {@code LedgerEntry.OPENING_TRANSFER}). */
    static final String OPENING = "00000000-0000-0000-0000-000000000000";

    /** Findings beyond this many are counted, not listed: a report stays readable whatever broke. */
    static final int LISTED_FINDINGS = 1000;

    private record LedgerAccount(String ledger, String account) {
    }

    private final String transactionManager;
    private final List<Account> accounts;
    private final Map<String, Account> accountsById = new HashMap<>();
    private final Map<LedgerAccount, BigDecimal> entrySums = new HashMap<>();
    private final Map<String, BigDecimal> opened = new TreeMap<>();
    private final List<DeadLetter> deadLetters;
    private final Set<String> deadLettered = new HashSet<>();
    private final Set<String> settledDeadLettered = new HashSet<>();
    private final Set<String> pending = new HashSet<>();
    private final List<String> findings = new ArrayList<>();
    private long unlisted;
    private long entries;
    private long transfers;
    private long queued;
    private long prepared;
    private long otherPrepared;

    /**
     * @param transactionManager the name whose prepared branches are Tandem's (see {@link TransactionManagerName})
     * @param deadLetters        the requests on the dead-letter queue, browsed before the ledgers are read
     */
    public Invariants(String transactionManager, List<Account> accounts, List<DeadLetter> deadLetters) {
        this.transactionManager = transactionManager;
        this.accounts = List.copyOf(accounts);
        this.deadLetters = List.copyOf(deadLetters);
        accounts.forEach(account -> accountsById.putIfAbsent(account.id(), account));
        deadLetters.forEach(letter -> deadLettered.add(letter.transferId()));
    }

    /**
     * Every transfer has one outcome; a completed one has exactly its two legs (the debit of its source
     * in the source's ledger, the credit of its target in the target's ledger, both of its amount), any
     * other has none; a settled one has its audit row. Each iterator must be sorted by transfer id.
     *
     * @param entries each ledger's entries, the opening ones included
     */
    public void checkTransfers(Iterator<Transfer> records, Iterator<Audit> audit, List<Iterator<Entry>> entries) {
        var recordRows = new SortedRows<>("the transfer registry", records, Transfer::id);
        var auditRows = new SortedRows<>("the audit trail", audit, Audit::transferId);
        List<SortedRows<Entry>> entryRows = entries.stream()
                .map(ledger -> new SortedRows<>("a ledger's entries", ledger, Entry::transferId)).toList();
        var all = new ArrayList<SortedRows<?>>(entryRows);
        all.add(recordRows);
        all.add(auditRows);
        for (String id = firstId(all); id != null; id = firstId(all)) {
            List<Transfer> sameId = recordRows.take(id);
            List<Audit> audited = auditRows.take(id);
            var legs = new ArrayList<Entry>(2);
            for (SortedRows<Entry> ledger : entryRows) {
                legs.addAll(ledger.take(id));
            }
            legs.forEach(this::sum);
            if (id.equals(OPENING)) {
                legs.forEach(this::open);
            } else {
                checkTransfer(id, sameId, audited, legs);
            }
        }
    }

    /** A pending transfer still has its request on the request queue or the dead-letter queue. */
    public void checkQueued(Set<String> queuedTransfers) {
        queued = queuedTransfers.size();
        pending.stream().filter(id -> !queuedTransfers.contains(id) && !deadLettered.contains(id)).sorted()
                .forEach(id -> find("transfer " + id + " is PENDING but its request is on no queue"));
    }

    /**
     * @param branches the branches Tandem's transaction managers prepared in this ledger and nobody completed
     * @param others   how many prepared branches the ledger's server holds for others (other databases, other
     *                 transaction managers)
     */
    public void checkPrepared(String ledger, List<String> branches, int others) {
        prepared += branches.size();
        otherPrepared += others;
        if (!branches.isEmpty()) {
            find("ledger " + ledger + " has " + branches.size() + " prepared transaction(s) that nobody completed: " + branches);
        }
    }

    /** Ends the check with what needs every row seen: balances, conservation, dead letters. */
    public Verification result() {
        checkBalances();
        checkConservation();
        deadLetters.stream().filter(letter -> !settledDeadLettered.contains(letter.transferId()))
                .forEach(letter -> find("the request for transfer " + letter.transferId() + " (" + letter.messageId()
                        + ") is on the dead-letter queue and has not been replayed"));
        if (unlisted > 0) {
            findings.add("... and " + unlisted + " more finding(s)");
        }
        return new Verification(List.copyOf(findings), new Verification.Checked(transactionManager, accounts.size(), entries, transfers,
                prepared, otherPrepared, queued, deadLetters.size()));
    }

    private void checkTransfer(String id, List<Transfer> sameId, List<Audit> audited, List<Entry> legs) {
        if (sameId.isEmpty()) {
            if (!legs.isEmpty()) {
                find("transfer " + id + " has legs " + describe(legs) + " but no record");
            }
            return;
        }
        transfers += sameId.size();
        if (sameId.size() > 1) {
            find("transfer " + id + " is recorded more than once: " + sameId.stream().map(Transfer::status).toList());
        }
        Transfer record = sameId.get(0);
        String status = record.status();
        if (status.equals("COMPLETED")) {
            checkLegs(record, legs);
        } else if (!legs.isEmpty()) {
            find("transfer " + id + " is " + status + " but has legs " + describe(legs));
        }
        if (status.equals("PENDING")) {
            pending.add(id);
        } else {
            if (audited.stream().noneMatch(row -> row.outcome().equals(status))) {
                find("transfer " + id + " is " + status + " but the audit trail does not say so");
            }
            if (deadLettered.contains(id)) {
                settledDeadLettered.add(id);
            }
        }
    }

    private void checkLegs(Transfer record, List<Entry> legs) {
        BigDecimal amount = new BigDecimal(record.amount());
        checkLeg(record, "debit", legs.stream().filter(entry -> entry.amount().signum() < 0).toList(), record.from(), amount.negate());
        checkLeg(record, "credit", legs.stream().filter(entry -> entry.amount().signum() > 0).toList(), record.to(), amount);
    }

    private void checkLeg(Transfer record, String side, List<Entry> legs, String account, BigDecimal amount) {
        String ledger = account.substring(0, 1);
        if (legs.isEmpty()) {
            find("transfer " + record.id() + " is COMPLETED but its " + side + " of " + account + " in ledger " + ledger + " is missing");
        } else if (legs.size() > 1) {
            find("transfer " + record.id() + " has " + legs.size() + " " + side + " legs: " + describe(legs));
        } else {
            Entry leg = legs.get(0);
            if (!leg.accountId().equals(account) || !leg.ledger().equals(ledger) || leg.amount().compareTo(amount) != 0) {
                find("transfer " + record.id() + " has a " + side + " of " + leg.amount() + " on " + leg.accountId()
                        + " in ledger " + leg.ledger() + ", not " + amount + " on " + account + " in ledger " + ledger);
            }
        }
    }

    private void sum(Entry entry) {
        entries++;
        entrySums.merge(new LedgerAccount(entry.ledger(), entry.accountId()), entry.amount(), BigDecimal::add);
    }

    private void open(Entry entry) {
        Account account = accountsById.get(entry.accountId());
        opened.merge(account == null ? "?" : account.currency(), entry.amount(), BigDecimal::add);
    }

    /** Every balance is the sum of its account's entries, each entry in its account's ledger. */
    private void checkBalances() {
        var held = new HashSet<LedgerAccount>();
        for (Account account : accounts) {
            var key = new LedgerAccount(account.ledger(), account.id());
            held.add(key);
            BigDecimal sum = entrySums.getOrDefault(key, BigDecimal.ZERO);
            if (account.balance().compareTo(sum) != 0) {
                find("account " + account.id() + " holds " + account.balance() + " but its entries add up to " + sum);
            }
            if (account.balance().signum() < 0) {
                find("account " + account.id() + " is overdrawn: " + account.balance());
            }
        }
        entrySums.keySet().stream().filter(key -> !held.contains(key))
                .sorted(Comparator.comparing(LedgerAccount::ledger).thenComparing(LedgerAccount::account))
                .forEach(key -> find("ledger " + key.ledger() + " has entries for account " + key.account()
                        + ", which that ledger does not hold"));
    }

    /** Per currency, all balances together are what the accounts were opened with. */
    private void checkConservation() {
        var held = new TreeMap<String, BigDecimal>();
        accounts.forEach(account -> held.merge(account.currency(), account.balance(), BigDecimal::add));
        held.forEach((currency, total) -> {
            BigDecimal opening = opened.getOrDefault(currency, BigDecimal.ZERO);
            if (total.compareTo(opening) != 0) {
                find("money is not conserved in " + currency + ": the accounts hold " + total + ", they were opened with " + opening);
            }
        });
    }

    private void find(String finding) {
        if (findings.size() < LISTED_FINDINGS) {
            findings.add(finding);
        } else {
            unlisted++;
        }
    }

    /** The smallest transfer id any of the streams holds next; null once all are exhausted. */
    private static String firstId(List<SortedRows<?>> streams) {
        String first = null;
        for (SortedRows<?> rows : streams) {
            String id = rows.nextId();
            if (id != null && (first == null || id.compareTo(first) < 0)) {
                first = id;
            }
        }
        return first;
    }

    private static String describe(List<Entry> entries) {
        return entries.stream().map(entry -> entry.accountId() + " " + entry.amount() + " in ledger " + entry.ledger()).toList().toString();
    }
}
