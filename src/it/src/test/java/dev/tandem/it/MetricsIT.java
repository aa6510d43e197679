package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.jms.TransferMessaging;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.it.Processes.Run;
import jakarta.jms.JMSContext;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /metrics} in the Prometheus text format, on both servers alike (who may read it: AccessIT): every entry point
 * counted (exactly: no other test moves dollars meanwhile) and timed by outcome once its transaction has ended, the queue's delay, the committed events, the
 * registry's counts by status, the queues' depths and the ledger pools' connections. Accounts A-0050, B-0050 (in dollars).
 */
@ExtendWith(ConservationCheck.class)
class MetricsIT {

    @Test
    void theScrapeIsPrometheusText() {
        HttpResponse<String> scrape = Tandem.get("metrics", Tandem.OPERATOR);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").contains("version=0.0.4"));
        assertThat(scrape.body()).contains("# TYPE tandem_transfers_in_flight gauge",
                "tandem_transfer_records{status=\"PENDING\"}", "jvm_memory_used_bytes");
    }

    @Test
    void everyEntryPointIsCountedByOutcomeOnceItsTransactionHasEnded() throws Exception {
        Scrape before = Scrape.now();

        assertThat(Tandem.postJson("transfers", body("1.00")).statusCode()).isEqualTo(201);
        assertThat(Tandem.postJson("transfers", body("999999.00")).statusCode()).as("rejected").isEqualTo(422);
        String queuedByRest = UUID.randomUUID().toString();
        assertThat(Tandem.postJson("transfers", body(queuedByRest, "1.00"), "Prefer", "respond-async").statusCode()).isEqualTo(202);
        SubmitReport queuedByJms = Tandem.submit(List.of(new TransferRequest(UUID.randomUUID(), "A-0050", "B-0050",
                new BigDecimal("1.00"), "USD")), Duration.ofSeconds(60));
        assertThat(queuedByJms.count("COMPLETED")).isEqualTo(1);
        try (JMSContext jms = Tandem.BROKER.connectionFactory().createContext()) {
            jms.createProducer().send(jms.createQueue(TransferMessaging.REQUEST_QUEUE), "{\"from\": \"A-0050\", ");
        }
        Run ejb = Tandem.launcher("transfer", "--via", "ejb", "--from", "A-0050", "--to", "B-0050", "--amount", "1.00", "--currency", "USD");
        assertThat(ejb.exitCode()).as(ejb.output()).isZero();
        Polling.until(Duration.ofSeconds(60), () -> Tandem.json(Tandem.get("transfers/" + queuedByRest)).getString("status"),
                TransferStatus.COMPLETED.name()::equals);

        Scrape after = Polling.until(Duration.ofSeconds(30), Scrape::now,
                now -> now.increase(before, "tandem_transfers_seconds_count", "entry", "queue", "outcome", "completed", "currency", "USD") >= 2);
        assertThat(after.increase(before, "tandem_transfers_seconds_count", "entry", "queue", "outcome", "completed", "currency", "USD"))
                .isEqualTo(2);
        assertThat(after.increase(before, "tandem_transfers_seconds_count", "entry", "rest", "outcome", "completed", "currency", "USD"))
                .isEqualTo(1);
        assertThat(after.increase(before, "tandem_transfers_seconds_count", "entry", "rest", "outcome", "rejected", "currency", "USD"))
                .isEqualTo(1);
        assertThat(after.increase(before, "tandem_transfers_seconds_count", "entry", "ejb", "outcome", "completed", "currency", "USD"))
                .isEqualTo(1);
        assertThat(after.increase(before, "tandem_acceptances_seconds_count", "entry", "rest", "outcome", "pending", "currency", "USD"))
                .isEqualTo(1);
        assertThat(after.increase(before, "tandem_queue_delay_seconds_count")).isGreaterThanOrEqualTo(2);
        Scrape setAside = Polling.until(Duration.ofSeconds(30), Scrape::now,
                now -> now.increase(before, "tandem_transfers_seconds_count", "entry", "queue", "outcome", "invalid", "currency", "other") >= 1);
        assertThat(setAside.increase(before, "tandem_queue_messages", "queue", TransferMessaging.INVALID_QUEUE))
                .as("the malformed request set aside").isGreaterThanOrEqualTo(1);
        assertThat(setAside.samples()).containsKeys("tandem_queue_messages{queue=\"" + TransferMessaging.REQUEST_QUEUE + "\"}",
                "tandem_queue_messages{queue=\"" + TransferMessaging.DEAD_LETTER_QUEUE + "\"}");
        assertThat(after.increase(before, "tandem_transfer_events_total", "kind", "completed", "transaction", "committed"))
                .isGreaterThanOrEqualTo(4);
        assertThat(after.increase(before, "tandem_transfer_events_total", "kind", "rejected", "transaction", "committed"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.increase(before, "tandem_transfer_events_total", "kind", "accepted", "transaction", "committed"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.increase(before, "tandem_transfer_records", "status", "COMPLETED")).as("read from the registry")
                .isGreaterThanOrEqualTo(4);
        assertThat(after.value("tandem_transfers_seconds_bucket", "entry", "rest", "outcome", "completed", "currency", "USD", "le", "+Inf"))
                .isEqualTo(after.value("tandem_transfers_seconds_count", "entry", "rest", "outcome", "completed", "currency", "USD"));
    }

    @Test
    void theLedgerPoolsConnectionsAreReportedByTheServer() {
        assertThat(Tandem.postJson("transfers", body("1.00")).statusCode()).isEqualTo(201);

        Scrape scrape = Scrape.now();

        for (String pool : List.of("tandem-ledger-a", "tandem-ledger-b")) {
            assertThat(scrape.samples()).as(pool).containsKeys("tandem_ledger_connections{pool=\"" + pool + "\",state=\"in_use\"}",
                    "tandem_ledger_connections{pool=\"" + pool + "\",state=\"idle\"}");
            assertThat(scrape.value("tandem_ledger_connections", "pool", pool, "state", "in_use")
                    + scrape.value("tandem_ledger_connections", "pool", pool, "state", "idle"))
                    .as("%s: the connection the transfer used is still pooled", pool).isGreaterThanOrEqualTo(1);
        }
    }

    private static String body(String amount) {
        return body(UUID.randomUUID().toString(), amount);
    }

    private static String body(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0050\",\"to\":\"B-0050\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
    }

    /** One scrape: each sample by its name and labels, as the Prometheus text format prints them. */
    record Scrape(Map<String, Double> samples) {

        static Scrape now() {
            HttpResponse<String> response = Tandem.get("metrics", Tandem.OPERATOR);
            assertThat(response.statusCode()).isEqualTo(200);
            var samples = new HashMap<String, Double>();
            response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            });
            return new Scrape(samples);
        }

        /** The sample's value, 0 where there is none yet. */
        double value(String name, String... labels) {
            return samples.getOrDefault(key(name, labels), 0.0);
        }

        double increase(Scrape before, String name, String... labels) {
            return value(name, labels) - before.value(name, labels);
        }

        /** The labels sorted by name, a histogram's bucket bound last, as the exposition prints them. */
        private static String key(String name, String... labels) {
            if (labels.length == 0) {
                return name;
            }
            var sorted = new TreeMap<String, String>((a, b) -> a.equals(b) ? 0 : a.equals("le") ? 1 : b.equals("le") ? -1 : a.compareTo(b));
            for (int i = 0; i < labels.length; i += 2) {
                sorted.put(labels[i], labels[i + 1]);
            }
            var key = new StringBuilder(name).append('{');
            sorted.forEach((label, value) -> key.append(label).append("=\"").append(value).append("\","));
            key.setLength(key.length() - 1);
            return key.append('}').toString();
        }
    }
}
