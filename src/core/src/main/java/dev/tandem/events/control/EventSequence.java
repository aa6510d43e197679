package dev.tandem.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Numbers transfer events in the order their transactions take them, starting at 1 with every start. */
@ApplicationScoped
public class EventSequence {

    private final AtomicLong last = new AtomicLong();

    public long next() {
        return last.incrementAndGet();
    }
}
