package dev.tandem.transfer.control;

import java.time.Duration;

/**
 * How long a redelivered transfer request is held before it is tried again: 1, 2, 4, 8, 16 s, then 30 s
 * each time, so that a request rides out about two and a half minutes of outage in its ten delivery
 * attempts. Tandem holds it, not the broker: a request the broker set aside for a while would let the next
 * request from the same account overtake it, while a held one keeps its message group waiting behind it.
 * The price: a held request holds its session, and with it the groups the broker gave the same session;
 * in an outage they would fail too, and otherwise they wait the pauses out with it.
 */
public final class RedeliveryBackoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private RedeliveryBackoff() {
    }

    /** @param deliveryAttempt 1 for the first delivery */
    public static Duration before(int deliveryAttempt) {
        if (deliveryAttempt <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(deliveryAttempt - 2, 5);
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause;
    }
}
