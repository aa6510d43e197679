package dev.tandem.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for something that happens asynchronously, with a deadline instead of a fixed sleep. */
final class Polling {

    private Polling() {
    }

    /** Reads {@code value} every 200 ms until {@code done} holds, and returns that value. */
    static <T> T until(Duration timeout, Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after " + timeout + ": " + current);
            }
            Thread.sleep(200);
            current = value.get();
        }
        return current;
    }
}
