package dev.tandem.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop clients: each calls, waits for the outcome, calls again, from the start of the warm-up to
 * the end of the measured window; then the transfers still in flight finish (outside the window). An
 * asynchronous client thus keeps one transfer in flight: N clients, N in flight.
 */
final class Load {

    /** After a failure a client waits this long before its next call, so a refusing server is not hammered. */
    private static final Duration BACK_OFF = Duration.ofMillis(20);

    private Load() {
    }

    /** A measurement whose warm-up starts now. */
    static Measurement window(Duration warmup, Duration duration) {
        long start = System.nanoTime();
        return new Measurement(start + warmup.toNanos(), start + warmup.toNanos() + duration.toNanos());
    }

    /** Calls from now to the end of the measurement's window, then waits for the transfers in flight. */
    static Measurement run(TransferCall call, AccountChooser accounts, int clients, Measurement measurement) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var seeds = new SplittableRandom();
        for (int client = 0; client < clients; client++) {
            SplittableRandom random = seeds.split();
            pool.execute(() -> keepCalling(call, accounts, random, measurement, measurement.windowEnd()));
        }
        pool.shutdown();
        long patience = TimeUnit.NANOSECONDS.toSeconds(measurement.windowEnd() - System.nanoTime()) + TandemCalls.SETTLE_WITHIN.toSeconds() + 60;
        if (!pool.awaitTermination(patience, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("clients still calling long after the point ended");
        }
        return measurement;
    }

    private static void keepCalling(TransferCall call, AccountChooser accounts, SplittableRandom random, Measurement measurement, long end) {
        long[] accepted = new long[1];
        while (System.nanoTime() < end) {
            String[] pair = accounts.next(random);
            accepted[0] = 0;
            long started = System.nanoTime();
            try {
                TransferCall.Outcome outcome = call.transfer(pair[0], pair[1], accepted);
                measurement.outcome(outcome, started, accepted[0], System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failure) {
                measurement.error(failure, started);
                LockSupport.parkNanos(BACK_OFF.toNanos());
            }
        }
    }

    /** Sleeps until {@code nanoTime} reaches the given instant. */
    static void until(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
