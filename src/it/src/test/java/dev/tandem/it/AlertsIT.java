package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.Reply;
import dev.tandem.client.jms.SubmitReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Large-transfer alerts are a slow side effect that may fail: they run in an asynchronous observer
 * ({@code @ObservesAsync}) after the commit and post to a webhook. Here the webhook is a server of
 * the test's own, slow or failing on purpose; neither may slow down or fail a transfer or its reply.
 * Accounts A-0029, B-0029.
 */
@ExtendWith(ConservationCheck.class)
class AlertsIT {

    private static final String THRESHOLD = "tandem.alerts.threshold";
    private static final String WEBHOOK = "tandem.alerts.webhook";

    /** An alert as the webhook saw it: what it said, when it arrived, when the webhook answered. */
    record Alert(String body, Instant received, Instant answered) {
    }

    private final BlockingQueue<Alert> alerts = new LinkedBlockingQueue<>();
    private HttpServer webhook;

    @AfterEach
    void stopTheWebhookAndForgetIt() {
        Tandem.SERVER.removeProperty(WEBHOOK);
        Tandem.SERVER.removeProperty(THRESHOLD);
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    @Test
    void aSlowAlertDoesNotSlowTheTransferDown() throws Exception {
        startWebhook(Duration.ofSeconds(5), 204);
        String id = UUID.randomUUID().toString();

        Instant sent = Instant.now();
        var response = Tandem.postJson("transfers", body(id, "60.00"));
        Instant returned = Instant.now();

        assertThat(response.statusCode()).isEqualTo(201);
        Alert alert = alerts.poll(30, TimeUnit.SECONDS);
        assertThat(alert).as("the alert reached the webhook").isNotNull();
        assertThat(alert.body()).contains(id);
        assertThat(Duration.between(sent, returned)).as("the transfer call").isLessThan(Duration.ofSeconds(3));
        assertThat(Duration.between(returned, alert.answered()))
                .as("the observer finished this long after the call returned").isGreaterThan(Duration.ofSeconds(3));
        Polling.until(Duration.ofSeconds(15), AlertsIT::counters, counters -> counters.getJsonNumber("alertsSent").longValue() > 0);
    }

    @Test
    void aFailingAlertAffectsNeitherTheTransferNorItsReply() throws Exception {
        startWebhook(Duration.ZERO, 500);
        long failedBefore = counters().getJsonNumber("alertsFailed").longValue();
        var before = Tandem.balance("A-0029");

        var response = Tandem.postJson("transfers", body(UUID.randomUUID().toString(), "60.00"));
        SubmitReport queued = Tandem.submit(List.of(new TransferRequest(UUID.randomUUID(), "A-0029", "B-0029",
                new BigDecimal("60.00"), "EUR")), Duration.ofSeconds(30));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(queued.replies().values()).extracting(Reply::status).containsExactly("COMPLETED");
        assertThat(Tandem.balance("A-0029")).isEqualByComparingTo(before.subtract(new BigDecimal("120.00")));
        assertThat(alerts.poll(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(alerts.poll(30, TimeUnit.SECONDS)).isNotNull();
        Polling.until(Duration.ofSeconds(15), AlertsIT::counters,
                counters -> counters.getJsonNumber("alertsFailed").longValue() == failedBefore + 2);
    }

    /** A webhook on a free loopback port that answers {@code status} after {@code delay}; alerts at 50.00 and above. */
    private void startWebhook(Duration delay, int status) throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            Instant received = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            alerts.add(new Alert(body, received, Instant.now()));
        });
        webhook.setExecutor(null);
        webhook.start();
        String url = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts";
        Tandem.SERVER.setProperty(THRESHOLD, "50.00");
        Tandem.SERVER.setProperty(WEBHOOK, url);
    }

    private static jakarta.json.JsonObject counters() {
        return Tandem.json(Tandem.get("transfers/counters", Tandem.OPERATOR));
    }

    private static String body(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0029\",\"to\":\"B-0029\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }
}
