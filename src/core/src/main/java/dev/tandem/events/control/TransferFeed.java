package dev.tandem.events.control;

import dev.tandem.api.json.TransferJson;
import dev.tandem.events.entity.TransferEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The live feed of committed transfer events, for the server-sent event stream and the dashboard.
 * <p>
 * Only what committed gets in: events arrive from {@code AFTER_SUCCESS} observers. They go out in
 * {@linkplain TransferEvent#sequence sequence} order, which is commit order for transfers that share
 * an account: an event waits until every lower number has either committed or rolled back
 * ({@code AFTER_FAILURE}). The most recent events are kept, so that a subscriber that lost its
 * connection can resume after the last event it saw.
 * <p>
 * Event ids are {@code <start>-<sequence>}: the start tells ids of an earlier run of the server apart.
 */
@ApplicationScoped
public class TransferFeed {

    /** One event as it is streamed: its id, its kind ({@code accepted}, {@code completed}, {@code rejected}) and the transfer as JSON. */
    public record Item(String id, String kind, String json) {
    }

    /** A subscriber; returns {@code false} once it no longer wants events. */
    @FunctionalInterface
    public interface Subscriber {
        boolean deliver(Item item);
    }

    /** How many recent events are kept for subscribers that resume. */
    static final int RETAINED = 10_000;

    /** After this long, a sequence number that neither committed nor rolled back is given up on. */
    static final long STALL_MILLIS = 90_000;

    /** Registered before the in-transaction observers run, so that a failing one cannot keep them unregistered. */
    private static final int REGISTRATION_PRIORITY = Interceptor.Priority.LIBRARY_BEFORE;

    private static final Logger LOG = Logger.getLogger(TransferFeed.class.getName());

    private final String start = Long.toString(System.currentTimeMillis(), 36);
    private final NavigableMap<Long, Optional<TransferEvent>> settled = new TreeMap<>();
    private final Deque<Item> recent = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private long next = 1;
    private long waitingSince;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(REGISTRATION_PRIORITY) TransferEvent event) {
        settle(event.sequence(), Optional.of(event));
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) @Priority(REGISTRATION_PRIORITY) TransferEvent event) {
        settle(event.sequence(), Optional.empty());
    }

    /**
     * Adds a subscriber for every event from now on. One that resumes with the id of the last event it
     * saw first gets the retained events after it (all of them if the id is from an earlier run).
     *
     * @param lastEventId the last event the subscriber saw, or {@code null} for a new subscriber
     */
    public synchronized void subscribe(String lastEventId, Subscriber subscriber) {
        if (lastEventId != null) {
            long after = sequenceOf(lastEventId);
            for (Item item : recent) {
                if (sequenceOf(item.id()) > after && !subscriber.deliver(item)) {
                    return;
                }
            }
        }
        subscribers.add(subscriber);
    }

    private synchronized void settle(long sequence, Optional<TransferEvent> event) {
        if (sequence < next) {
            LOG.warning(() -> "Transfer event " + sequence + " settled after it was given up on; not streamed: " + event);
            return;
        }
        settled.put(sequence, event);
        emitInOrder();
    }

    private void emitInOrder() {
        while (!settled.isEmpty()) {
            Optional<TransferEvent> event = settled.remove(next);
            if (event == null) {
                if (waitingSince == 0) {
                    waitingSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - waitingSince > STALL_MILLIS) {
                    long missing = next;
                    LOG.warning(() -> "Transfer event " + missing + " neither committed nor rolled back within "
                            + STALL_MILLIS / 1000 + " s; the stream goes on without it");
                    next = settled.firstKey();
                    waitingSince = 0;
                    continue;
                }
                return;
            }
            waitingSince = 0;
            event.ifPresent(this::emit);
            next++;
        }
    }

    private void emit(TransferEvent event) {
        Item item = new Item(start + "-" + event.sequence(), event.kind(), TransferJson.toJson(event.transfer()).toString());
        recent.addLast(item);
        if (recent.size() > RETAINED) {
            recent.removeFirst();
        }
        subscribers.removeIf(subscriber -> !subscriber.deliver(item));
    }

    /** The sequence number in an event id; 0 for an id from an earlier run, so that all retained events follow it. */
    private long sequenceOf(String eventId) {
        if (!eventId.startsWith(start + "-")) {
            return 0;
        }
        try {
            return Long.parseLong(eventId.substring(start.length() + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
