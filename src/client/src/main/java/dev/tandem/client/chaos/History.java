package dev.tandem.client.chaos;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the clients of a chaos run did and were told, and what the nemesis did, on one clock: epoch
 * milliseconds, which the EJB caller's separate JVM shares.
 */
final class History {

    enum Entrance { REST, REST_ASYNC, EJB, JMS }

    /** What a caller was told about a transfer it tried. */
    enum Told {
        /** final: applied */
        COMPLETED,
        /** final: recorded as rejected, nothing moved */
        REJECTED,
        /** queued (202, or the JMS send went through): it will get exactly one final outcome */
        ACCEPTED,
        /** a clear "nothing happened" (503 problem+json, {@code TransferUnavailableException}) */
        UNAVAILABLE,
        /** no answer or an answer that does not say (a broken connection, outcome-unknown, a server's error page) */
        UNKNOWN,
        /** the transaction manager reported a heuristic outcome */
        HEURISTIC
    }

    /**
     * One transfer tried.
     *
     * @param sequence  for JMS, the order in which the one producer sent it; otherwise 0
     * @param settledAt when the caller learnt the final outcome (its answer, a status poll, a reply), or 0 if it did not
     */
    record Attempt(UUID id, Entrance entrance, String from, String to, BigDecimal amount, String currency, long startedAt,
                   long answeredAt, Told told, long sequence, long settledAt) {

        boolean crossesLedgers() {
            return from.charAt(0) != to.charAt(0);
        }
    }

    /** A read of the totals while transfers were in flight: the sum of all balances per currency. */
    record TotalsRead(long startedAt, long answeredAt, Map<String, BigDecimal> byCurrency) {
    }

    /** One fault: when it was injected, when every process ran and Tandem was ready again, and when nothing it left was in doubt. */
    record Fault(String description, long startedAt, long healedAt, long settledAt) {
    }

    /** What Tandem recorded for a transfer after the run; {@code status} is {@code absent} if it has no record. */
    record Outcome(UUID id, String status, long completedAt) {
    }

    final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    final Queue<TotalsRead> reads = new ConcurrentLinkedQueue<>();
    final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    final Queue<String> negativeBalances = new ConcurrentLinkedQueue<>();
    /** Clients that could not do their part (the run then proves less than it should). */
    final Queue<String> clientFailures = new ConcurrentLinkedQueue<>();
    /** When the reply to a JMS request came in, by transfer id. */
    final Map<UUID, Long> repliedAt = new ConcurrentHashMap<>();

    /** Every attempt, a JMS request's settled when its reply came in. */
    List<Attempt> attempts() {
        return attempts.stream().map(attempt -> {
            Long replied = repliedAt.get(attempt.id());
            return replied == null || attempt.settledAt() != 0 ? attempt : new Attempt(attempt.id(), attempt.entrance(), attempt.from(),
                    attempt.to(), attempt.amount(), attempt.currency(), attempt.startedAt(), attempt.answeredAt(), attempt.told(),
                    attempt.sequence(), replied);
        }).toList();
    }
}
