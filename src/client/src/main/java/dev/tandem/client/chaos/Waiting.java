package dev.tandem.client.chaos;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or time is up. */
final class Waiting {

    private Waiting() {
    }

    static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }
}
