package dev.tandem.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * One queued request of a message group in hand at a time, in this server, until its transaction ends;
 * and after a rollback, the group's turn kept for the redelivery of the request that rolled back, up to
 * a minute: it comes back at once, unless the broker is restarting (which takes up to a minute here).
 * <p>
 * The broker gives a group's requests to one consumer, one after the other, and a redelivered request
 * comes back to it at once, ahead of the later ones; that keeps an account's transfers in order. It does
 * not hold when the broker restarts under the server: sessions fail over, groups are given to consumers
 * afresh, and a request redelivered to one session (and held there, {@link RedeliveryBackoff}) was
 * overtaken by the next request of its group on another (docs/decisions/account-order.md, "across a broker
 * restart"). Here the later request waits for the earlier one, whichever sessions they reach.
 * <p>
 * A waiting delivery holds its session; it waits at most {@link #PATIENCE}, longer than a kept turn
 * and the longest hold of a redelivery together, and then goes ahead. (If it waited longer than the
 * broker's transaction timeout, the broker rolls its delivery back and it comes again, still in order.)
 * A request that rolled back for the last time goes to the dead-letter queue and does not come back: its
 * group then waits out the minute.
 */
@ApplicationScoped
public class GroupTurns {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** How long a group waits for the redelivery of a request that rolled back. */
    static final Duration RESERVATION = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(GroupTurns.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Map<String, Holder> groups = new HashMap<>();
    private final Duration patience;
    private final Duration reservation;

    public GroupTurns() {
        this(PATIENCE, RESERVATION);
    }

    GroupTurns(Duration patience, Duration reservation) {
        this.patience = patience;
        this.reservation = reservation;
    }

    /** Who has a group's turn: a request in hand, or one that rolled back, until {@code reservedUntil}. */
    private record Holder(String requestId, boolean inHand, long reservedUntil) {
        boolean yieldsTo(String otherRequestId, long now) {
            return !inHand && (requestId.equals(otherRequestId) || now - reservedUntil >= 0);
        }
    }

    /**
     * Waits until the group's turn is free or kept for this message, at most the patience, and takes it.
     *
     * @param group the message's group, or {@code null}: no turn to wait for
     * @return the turn, to be released once the delivery's transaction has ended ({@link Turn#afterCompletion});
     *         none if the patience ran out or the thread was interrupted
     */
    public Turn take(String group, String requestId) {
        if (group == null) {
            return new Turn(null, requestId);
        }
        lock.lock();
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            for (Holder holder = groups.get(group); holder != null && !holder.yieldsTo(requestId, System.nanoTime());
                 holder = groups.get(group)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warning("Request " + requestId + " of group " + group + " waited " + patience + " for request "
                            + holder.requestId() + " of its group; it goes ahead");
                    return new Turn(null, requestId);
                }
                long wait = holder.inHand() ? left : Math.min(left, holder.reservedUntil() - System.nanoTime());
                released.awaitNanos(Math.max(wait, 1));
            }
            groups.put(group, new Holder(requestId, true, 0));
            return new Turn(group, requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Turn(null, requestId);
        } finally {
            lock.unlock();
        }
    }

    private void release(Turn turn, boolean committed) {
        lock.lock();
        try {
            Holder holder = groups.get(turn.group);
            if (holder == null || !holder.inHand() || !holder.requestId().equals(turn.requestId)) {
                return;
            }
            long now = System.nanoTime();
            groups.values().removeIf(other -> !other.inHand() && now - other.reservedUntil() >= 0);
            if (committed) {
                groups.remove(turn.group);
            } else {
                groups.put(turn.group, new Holder(turn.requestId, false, now + reservation.toNanos()));
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Groups whose turn is taken or kept (for tests). */
    int taken() {
        lock.lock();
        try {
            return groups.size();
        } finally {
            lock.unlock();
        }
    }

    /** A delivery's turn in its group, released when the delivery's transaction ends. */
    public final class Turn implements Synchronization {
        private final String group;
        private final String requestId;

        private Turn(String group, String requestId) {
            this.group = group;
            this.requestId = requestId;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (group != null) {
                release(this, status == Status.STATUS_COMMITTED);
            }
        }
    }
}
