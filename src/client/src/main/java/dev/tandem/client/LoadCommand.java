package dev.tandem.client;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferService;
import dev.tandem.api.TransferStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Synchronous transfers from several clients at once, for measuring: random transfers between the demo
 * accounts (the same workload as {@code submit} without options), each client waiting for one outcome
 * before it sends the next. Prints the rate and the answer times.
 */
@Command(name = "load", description = "Synchronous transfers from concurrent clients between the demo accounts; prints the rate.")
class LoadCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--count", defaultValue = "1000", description = "how many transfers (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Override
    public Integer call() throws Exception {
        TransferService service = endpoints.connect("teller");
        var demo = new DemoTransfers();
        var remaining = new AtomicInteger(count);
        var completed = new AtomicInteger();
        var rejected = new AtomicInteger();
        var failed = new AtomicInteger();
        List<Long> answerMicros = Collections.synchronizedList(new ArrayList<>(count));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                        TransferDetails outcome = service.transfer(demo.next());
                        (outcome.status() == TransferStatus.COMPLETED ? completed : rejected).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    answerMicros.add((System.nanoTime() - sent) / 1_000);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the clients did not finish within an hour");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(answerMicros);
        Collections.sort(sorted);
        System.out.printf("sent %d with %d clients via %s: completed %d, rejected %d, failed %d, in %.1f s (%.0f transfers/s);"
                        + " answer p50 %.1f ms, p99 %.1f ms%n", count, clients, endpoints.channel().name().toLowerCase(),
                completed.get(), rejected.get(), failed.get(), seconds, count / seconds, percentile(sorted, 50), percentile(sorted, 99));
        return failed.get() == 0 ? 0 : TandemCli.FAILED;
    }

    private static double percentile(List<Long> sortedMicros, int percent) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int index = Math.min(sortedMicros.size() - 1, (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(index, 0)) / 1000.0;
    }
}
