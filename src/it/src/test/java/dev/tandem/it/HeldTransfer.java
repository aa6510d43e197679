package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A REST transfer (synchronous, or accepted for the queue) that the fault switch holds after its commit decision, before any commit,
 * or before its last vote, until released: its branches stay prepared in both ledgers and on the broker, holding its accounts' locks.
 */
final class HeldTransfer implements AutoCloseable {

    private static final Path FAULTS = Path.of(System.getProperty("tandem.faults.dir"));

    final UUID id = UUID.randomUUID();
    final String from;
    final String to;
    final BigDecimal amount;
    final Map<String, BigDecimal> before;
    private final Path armed = FAULTS.resolve(id.toString());
    private final Path reached = FAULTS.resolve(id + ".reached");
    CompletableFuture<HttpResponse<String>> call;

    private HeldTransfer(String from, String to, BigDecimal amount) {
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.before = Tandem.balances(from, to);
    }

    static HeldTransfer started(String from, String to, BigDecimal amount) throws Exception {
        return held(from, to, amount, "HELD_BEFORE_COMMITS");
    }

    /** Accepted for the queue ({@code Prefer: respond-async}): held with its request prepared on the broker. */
    static HeldTransfer queued(String from, String to, BigDecimal amount) throws Exception {
        return held(from, to, amount, "HELD_BEFORE_COMMITS", "Prefer", "respond-async");
    }

    /**
     * Accepted for the queue, then held as the message-driven bean applies it, at its last vote: its
     * delivery is prepared on the broker, and once released the transaction rolls back.
     */
    static HeldTransfer queuedThenRefused(String from, String to, BigDecimal amount) throws Exception {
        return held(from, to, amount, "REFUSED_AFTER_HOLD", "Prefer", "respond-async");
    }

    private static HeldTransfer held(String from, String to, BigDecimal amount, String faultPoint, String... headers) throws Exception {
        var transfer = new HeldTransfer(from, to, amount);
        Files.createDirectories(FAULTS);
        Files.writeString(transfer.armed, faultPoint);
        transfer.call = CompletableFuture.supplyAsync(() -> Tandem.postJson("transfers", transfer.json(), headers));
        Polling.until(Duration.ofSeconds(30), () -> Files.exists(transfer.reached), there -> there);
        if (Tandem.REAL_LEDGERS) {
            assertThat(RealLedgers.preparedInLedgerA()).as("ledger A's branch prepared").isEqualTo(1);
        }
        return transfer;
    }

    /** The request as JSON, for sending it again. */
    String json() {
        return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }

    void release() throws IOException {
        Files.delete(armed);
    }

    void assertCompletedOnce() throws Exception {
        assertThat(statusOf(id)).isEqualTo("COMPLETED");
        assertThat(Tandem.balances(from, to)).isEqualTo(Map.of(
                from, before.get(from).subtract(amount), to, before.get(to).add(amount)));
        if (Tandem.REAL_LEDGERS) {
            assertThat(RealLedgers.preparedInLedgerA()).as("branches left prepared in ledger A").isZero();
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(armed);
        Files.deleteIfExists(reached);
    }

    /** A transfer's status, {@code absent} while it is not visible (its ledger A branch not committed). */
    static String statusOf(UUID id) {
        try {
            HttpResponse<String> response = Tandem.get("transfers/" + id);
            return response.statusCode() == 200 ? Tandem.json(response).getString("status") : "absent";
        } catch (RuntimeException unreachable) {
            return "unreachable";
        }
    }
}
