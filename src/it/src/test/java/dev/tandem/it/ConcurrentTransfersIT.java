package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.json.TransferJson;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many clients moving money over the same few accounts in both ledgers at once. Locks are taken in
 * one global order, so nothing deadlocks (no failures, no lock timeouts) and no account is overdrawn;
 * every request gets exactly one outcome and the balances are exactly what the completed ones imply.
 * Accounts A-0041..44 and B-0041..44.
 */
@ExtendWith(ConservationCheck.class)
class ConcurrentTransfersIT {

    private static final List<String> ACCOUNTS = List.of("A-0041", "A-0042", "A-0043", "A-0044", "B-0041", "B-0042", "B-0043", "B-0044");
    private static final int CLIENTS = 16;
    private static final int TRANSFERS = 1000;

    record Attempt(String id, String from, String to, BigDecimal amount, HttpResponse<String> response) {
    }

    @Test
    void thousandTransfersFromSixteenClientsConserveMoneyAndNeverOverdraw() throws Exception {
        var before = Tandem.balances(ACCOUNTS.toArray(String[]::new));
        var random = new Random(20261126);
        List<Attempt> planned = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            String from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            while (to.equals(from)) {
                to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            }
            // up to 400.00 from balances of about 1000.00: sources run dry now and then
            var amount = BigDecimal.valueOf(1 + random.nextInt(40_000), 2);
            planned.add(new Attempt(UUID.randomUUID().toString(), from, to, amount, null));
        }

        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Attempt>> sent = new ArrayList<>();
        for (Attempt attempt : planned) {
            sent.add(clients.submit(() -> new Attempt(attempt.id(), attempt.from(), attempt.to(), attempt.amount(),
                    Tandem.postJson("transfers", Json.createObjectBuilder()
                            .add("id", attempt.id()).add("from", attempt.from()).add("to", attempt.to())
                            .add("amount", attempt.amount().toPlainString()).add("currency", "EUR")
                            .build().toString()))));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("all clients finished").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;

        var expected = new HashMap<>(before);
        int completed = 0;
        int rejected = 0;
        for (Future<Attempt> future : sent) {
            Attempt attempt = future.get();
            int status = attempt.response().statusCode();
            assertThat(status).as(attempt.response().body()).isIn(201, 422);
            var recorded = TransferJson.parseDetails(Tandem.get("transfers/" + attempt.id()).body());
            if (status == 201) {
                assertThat(recorded.status().name()).isEqualTo("COMPLETED");
                expected.merge(attempt.from(), attempt.amount().negate(), BigDecimal::add);
                expected.merge(attempt.to(), attempt.amount(), BigDecimal::add);
                completed++;
            } else {
                assertThat(Tandem.json(attempt.response()).getString("reason")).isEqualTo("INSUFFICIENT_FUNDS");
                assertThat(recorded.status().name()).isEqualTo("REJECTED");
                rejected++;
            }
        }
        System.out.printf("%d transfers from %d clients in %.1f s (%.0f/s): %d completed, %d rejected%n",
                TRANSFERS, CLIENTS, seconds, TRANSFERS / seconds, completed, rejected);

        Map<String, BigDecimal> after = Tandem.balances(ACCOUNTS.toArray(String[]::new));
        assertThat(after).isEqualTo(expected);
        assertThat(after.values()).allSatisfy(balance -> assertThat(balance.signum()).isNotNegative());
        assertThat(completed + rejected).isEqualTo(TRANSFERS);
        assertThat(completed).as("most transfers go through").isGreaterThan(TRANSFERS / 2);
    }
}
