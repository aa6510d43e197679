package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ledger B's connection pool is flushed (the operator's command after a database restart, which also
 * happens inside the server when a pool is reconfigured) at the worst moment of a transfer: its ledger B
 * branch is prepared in the database, and the vote is on its way to the transaction manager. The pool
 * closes the connection in use. The transfer must stay whole: completed with both legs, or not at all.
 * <p>
 * This is the interleaving behind a COMPLETED transfer whose credit leg was missing after an outage run
 * on the embedded ledgers: H2 undid the prepared branch when the pool closed its connection, and the
 * transaction manager, told XA_OK, committed the rest. The ledgers' data sources hold the vote for the
 * test ({@code preparesHeldWhile}, set by the test servers' configuration). Accounts A-0016, B-0016.
 */
@ExtendWith(ConservationCheck.class)
class LedgerPoolFlushedIT {

    private static final Path FAULTS = Path.of(System.getProperty("tandem.faults.dir"));
    private static final Path PREPARES_HELD = FAULTS.resolve("ledger-b.prepares-held");
    private static final Path PREPARE_REACHED = FAULTS.resolve("ledger-b.prepares-held.reached");
    private static final BigDecimal AMOUNT = new BigDecimal("3.00");

    @AfterEach
    void releasePrepares() throws Exception {
        Files.deleteIfExists(PREPARES_HELD);
        Files.deleteIfExists(PREPARE_REACHED);
    }

    @Test
    void aPoolFlushedWhileLedgerBsVoteIsOnItsWayLeavesTheTransferWhole() throws Exception {
        Map<String, BigDecimal> before = Tandem.balances("A-0016", "B-0016");
        UUID id = UUID.randomUUID();
        Files.createDirectories(FAULTS);
        Files.writeString(PREPARES_HELD, "held by " + getClass().getSimpleName() + "\n");

        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> Tandem.postJson("transfers",
                "{\"id\":\"" + id + "\",\"from\":\"A-0016\",\"to\":\"B-0016\",\"amount\":\"" + AMOUNT + "\",\"currency\":\"EUR\"}"));
        Polling.until(Duration.ofSeconds(30), () -> Files.exists(PREPARE_REACHED), reached -> reached);
        Tandem.SERVER.flushConnectionPool("tandem-ledger-b");
        Files.delete(PREPARES_HELD);

        HttpResponse<String> answer = call.get(1, TimeUnit.MINUTES);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("status")).isEqualTo("COMPLETED");
        assertThat(Tandem.balances("A-0016", "B-0016")).as("both legs, once").isEqualTo(Map.of(
                "A-0016", before.get("A-0016").subtract(AMOUNT), "B-0016", before.get("B-0016").add(AMOUNT)));
    }
}
