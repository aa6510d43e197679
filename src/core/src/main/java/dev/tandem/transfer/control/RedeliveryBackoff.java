package dev.tandem.transfer.control;

import java.time.Duration;

/**
 * How long a redelivered transfer request is held before it is tried again: 1, 2, 4, 8, 16 s, then 30 s
 * each time, so that a request rides out about two and a half minutes of outage in its ten delivery
 * attempts. Tandem holds it, not the broker: a request the broker set aside for a while would let the next
 * request from the same account overtake it, while a held one keeps its message group waiting behind it.
 * The price: a held request holds its session, and with it the groups the broker gave the same session;
 * in an outage they would fail too, and otherwise they wait the pauses out with it.
 * <p>
 * The system property {@value #LONGEST_PROPERTY} (an ISO-8601 duration, e.g. {@code PT10S}) sets another
 * longest pause: the test servers on the embedded ledgers take 4 s, so that a request that keeps failing
 * reaches the dead-letter queue in half a minute instead of two and a half.
 */
public final class RedeliveryBackoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    public static final String LONGEST_PROPERTY = "tandem.redelivery.longest-hold";
    private static final Duration LONGEST = Duration.parse(System.getProperty(LONGEST_PROPERTY, "PT30S"));

    private RedeliveryBackoff() {
    }

    /** @param deliveryAttempt 1 for the first delivery */
    public static Duration before(int deliveryAttempt) {
        return before(deliveryAttempt, LONGEST);
    }

    static Duration before(int deliveryAttempt, Duration longest) {
        if (deliveryAttempt <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(deliveryAttempt - 2, 5);
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
