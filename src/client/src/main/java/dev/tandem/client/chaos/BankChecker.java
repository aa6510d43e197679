package dev.tandem.client.chaos;

import dev.tandem.client.chaos.History.Attempt;
import dev.tandem.client.chaos.History.Entrance;
import dev.tandem.client.chaos.History.Fault;
import dev.tandem.client.chaos.History.Outcome;
import dev.tandem.client.chaos.History.TotalsRead;
import dev.tandem.client.jms.PreparedOnBroker.PreparedTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a chaos run the way Jepsen's bank test does: from what the callers were told, what Tandem recorded,
 * and the balances before and after, it finds every transfer whose outcome differs from what its caller was
 * told, money applied twice or invented, money not conserved per currency, asynchronous transfers from one
 * account applied out of the order sent, and reads of the totals that are off by more than the transfers in
 * flight at the time allow (see {@link #IN_FLIGHT_GRACE_MILLIS}).
 */
final class BankChecker {

    /**
     * How long after an asynchronous caller learns that a transfer completed (from its reply or its record)
     * both ledgers may still differ: the reply and the record commit in the same two-phase commit as the
     * ledgers, but not at the same instant.
     */
    static final long IN_FLIGHT_GRACE_MILLIS = 1_000;

    private static final Set<String> FINAL = Set.of("COMPLETED", "REJECTED");

    /** An account's currency and balance. */
    record Balance(String currency, BigDecimal amount) {
    }

    /** What {@code verify} found after the run. */
    record Verified(List<String> findings, long preparedTransactions, long queuedRequests, long deadLetters) {
    }

    private final List<Attempt> attempts;
    private final Map<UUID, Outcome> outcomes;
    private final List<String> anomalies = new ArrayList<>();

    BankChecker(List<Attempt> attempts, Map<UUID, Outcome> outcomes) {
        this.attempts = attempts;
        this.outcomes = outcomes;
    }

    List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    BankChecker outcomesAsTold() {
        for (Attempt attempt : attempts) {
            String outcome = outcome(attempt.id());
            boolean expected = switch (attempt.told()) {
                case COMPLETED -> outcome.equals("COMPLETED");
                case REJECTED -> outcome.equals("REJECTED");
                case ACCEPTED -> FINAL.contains(outcome);
                case UNAVAILABLE -> outcome.equals("absent");
                case UNKNOWN, HEURISTIC -> FINAL.contains(outcome) || outcome.equals("absent");
            };
            if (!expected) {
                anomalies.add("transfer %s (%s) was told %s but is %s".formatted(attempt.id(), attempt.entrance(), attempt.told(), outcome));
            }
        }
        return this;
    }

    /**
     * Each account moved by exactly the transfers recorded as completed: nothing applied twice, lost or
     * invented. Assumes the run's clients were the only ones moving money.
     */
    BankChecker appliedOnce(Map<String, Balance> before, Map<String, Balance> after) {
        var moved = new HashMap<String, BigDecimal>();
        for (Attempt attempt : attempts) {
            if (outcome(attempt.id()).equals("COMPLETED")) {
                moved.merge(attempt.from(), attempt.amount().negate(), BigDecimal::add);
                moved.merge(attempt.to(), attempt.amount(), BigDecimal::add);
            }
        }
        new TreeMap<>(after).forEach((account, balance) -> {
            Balance opening = before.get(account);
            BigDecimal change = balance.amount().subtract(opening == null ? BigDecimal.ZERO : opening.amount());
            BigDecimal expected = moved.getOrDefault(account, BigDecimal.ZERO);
            if (change.compareTo(expected) != 0) {
                anomalies.add("account %s changed by %s, its completed transfers by %s".formatted(account, change, expected));
            }
        });
        return this;
    }

    BankChecker conserved(Map<String, Balance> before, Map<String, Balance> after) {
        Map<String, BigDecimal> opening = byCurrency(before);
        Map<String, BigDecimal> closing = byCurrency(after);
        if (!opening.equals(closing)) {
            anomalies.add("money not conserved: %s before, %s after".formatted(opening, closing));
        }
        return this;
    }

    /** Transfers one JMS producer sent from one account were applied (completed or rejected) in the order sent. */
    BankChecker appliedInOrderSent() {
        Map<String, List<Attempt>> byAccount = attempts.stream().filter(attempt -> attempt.entrance() == Entrance.JMS)
                .sorted(Comparator.comparingLong(Attempt::sequence))
                .collect(Collectors.groupingBy(Attempt::from, TreeMap::new, Collectors.toList()));
        byAccount.forEach((account, sent) -> {
            Outcome previous = null;
            for (Attempt attempt : sent) {
                Outcome outcome = outcomes.get(attempt.id());
                if (outcome == null || !FINAL.contains(outcome.status())) {
                    continue;
                }
                if (previous != null && outcome.completedAt() < previous.completedAt()) {
                    anomalies.add("from %s, transfer %s was applied (at %d) before %s (at %d), which was sent earlier".formatted(account,
                            attempt.id(), outcome.completedAt(), previous.id(), previous.completedAt()));
                }
                previous = outcome;
            }
        });
        return this;
    }

    /**
     * Every read of the totals taken while no fault was unsettled is off, per currency, by no more than the
     * amounts of the completed cross-ledger transfers in flight during the read: begun before it ended and
     * not yet known to be settled when it began.
     */
    BankChecker readsWithinTransfersInFlight(List<TotalsRead> reads, List<Fault> faults, Map<String, Balance> before, long runEnd) {
        Map<String, BigDecimal> opening = byCurrency(before);
        List<Attempt> moving = attempts.stream()
                .filter(attempt -> attempt.crossesLedgers() && outcome(attempt.id()).equals("COMPLETED")).toList();
        for (TotalsRead read : reads) {
            if (faults.stream().anyMatch(fault -> read.answeredAt() >= fault.startedAt()
                    && read.startedAt() <= (fault.settledAt() == 0 ? runEnd : fault.settledAt()))) {
                continue;
            }
            var allowance = new HashMap<String, BigDecimal>();
            for (Attempt attempt : moving) {
                if (attempt.startedAt() <= read.answeredAt() && settledAt(attempt, runEnd) >= read.startedAt()) {
                    allowance.merge(attempt.currency(), attempt.amount(), BigDecimal::add);
                }
            }
            read.byCurrency().forEach((currency, total) -> {
                BigDecimal off = total.subtract(opening.getOrDefault(currency, BigDecimal.ZERO)).abs();
                BigDecimal allowed = allowance.getOrDefault(currency, BigDecimal.ZERO);
                if (off.compareTo(allowed) > 0) {
                    anomalies.add("a read of the totals at %d showed %s %s, off by %s; transfers in flight allow %s".formatted(
                            read.startedAt(), total, currency, off, allowed));
                }
            });
        }
        return this;
    }

    BankChecker verified(Verified verified) {
        verified.findings().forEach(finding -> anomalies.add("verify: " + finding));
        if (verified.preparedTransactions() > 0) {
            anomalies.add(verified.preparedTransactions() + " prepared branch(es) left in the ledgers");
        }
        if (verified.queuedRequests() > 0) {
            anomalies.add(verified.queuedRequests() + " request(s) still queued");
        }
        if (verified.deadLetters() > 0) {
            anomalies.add(verified.deadLetters() + " request(s) on the dead-letter queue");
        }
        return this;
    }

    /** The broker holds no transaction prepared: no request, reply or event of a transfer left in doubt there. */
    BankChecker nothingPreparedOnBroker(List<PreparedTransaction> prepared) {
        prepared.forEach(transaction -> anomalies.add("prepared on the broker and never completed: XID "
                + transaction.xid() + ", transfer(s) " + transaction.transferIds()));
        return this;
    }

    /**
     * When the caller could rely on both ledgers showing the transfer: at its synchronous answer; a moment
     * after an asynchronous caller learnt the outcome; for a caller who never learnt it, not before the end.
     */
    private static long settledAt(Attempt attempt, long runEnd) {
        if (attempt.settledAt() == 0) {
            return runEnd;
        }
        boolean asynchronous = attempt.entrance() == Entrance.REST_ASYNC || attempt.entrance() == Entrance.JMS;
        return attempt.settledAt() + (asynchronous ? IN_FLIGHT_GRACE_MILLIS : 0);
    }

    private String outcome(UUID id) {
        Outcome outcome = outcomes.get(id);
        return outcome == null ? "absent" : outcome.status();
    }

    static Map<String, BigDecimal> byCurrency(Map<String, Balance> balances) {
        var totals = new TreeMap<String, BigDecimal>();
        balances.values().forEach(balance -> totals.merge(balance.currency(), balance.amount(), BigDecimal::add));
        totals.replaceAll((currency, total) -> new BigDecimal(total.stripTrailingZeros().toPlainString()));
        return totals;
    }
}
