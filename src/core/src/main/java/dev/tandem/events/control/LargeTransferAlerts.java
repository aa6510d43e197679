package dev.tandem.events.control;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.json.TransferJson;
import dev.tandem.events.entity.LargeTransferDetected;
import dev.tandem.events.entity.TransferCompleted;
import dev.tandem.metrics.control.TransferMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alerts about large transfers: logged, and posted as JSON to a webhook if one is configured. The
 * alert is a slow side effect that may fail, so it runs asynchronously ({@code fireAsync} /
 * {@code @ObservesAsync}) and only for transfers that committed: it never delays or fails a transfer.
 * <p>
 * Configured with system properties, read at every alert: {@value #THRESHOLD_PROPERTY} (default
 * 10000.00, in the transfer's currency) and {@value #WEBHOOK_PROPERTY} (an http URL; unset: log only).
 */
@ApplicationScoped
public class LargeTransferAlerts {

    public static final String THRESHOLD_PROPERTY = "tandem.alerts.threshold";
    public static final String WEBHOOK_PROPERTY = "tandem.alerts.webhook";
    static final String DEFAULT_THRESHOLD = "10000.00";

    private static final Logger LOG = Logger.getLogger(LargeTransferAlerts.class.getName());

    private final HttpClient http;
    private final Event<LargeTransferDetected> alerts;
    private final TransferMetrics metrics;

    /**
     * Constructor injection, not field injection: Payara skips a CDI bean's field injection when no Jakarta EE
     * component is current on the thread that creates it (see {@code NoFieldInjectionTest}).
     */
    @Inject
    public LargeTransferAlerts(Event<LargeTransferDetected> alerts, TransferMetrics metrics) {
        this.alerts = alerts;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** For the CDI client proxy only. */
    protected LargeTransferAlerts() {
        this.alerts = null;
        this.metrics = null;
        this.http = null;
    }

    void detect(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferCompleted completed) {
        TransferDetails transfer = completed.transfer();
        if (transfer.amount().compareTo(threshold()) >= 0) {
            // An after-success observer runs on the thread that completed the transaction. For a queued
            // transfer on WildFly that is the broker client's thread, whose context class loader is not
            // the application's, and Weld looks up the application's container by that class loader.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(LargeTransferAlerts.class.getClassLoader());
            try {
                alerts.fireAsync(new LargeTransferDetected(transfer)).whenComplete((alert, failure) -> {
                    if (failure == null) {
                        metrics.alertSent();
                    } else {
                        metrics.alertFailed();
                        LOG.log(Level.WARNING, "Alert about " + transfer + " failed", failure);
                    }
                });
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    void alert(@ObservesAsync LargeTransferDetected large) throws IOException, InterruptedException {
        TransferDetails transfer = large.transfer();
        LOG.warning(() -> "Large transfer: " + transfer);
        String webhook = System.getProperty(WEBHOOK_PROPERTY);
        if (webhook == null || webhook.isBlank()) {
            return;
        }
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(webhook))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TransferJson.toJson(transfer).toString()))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new IOException("the alert webhook " + webhook + " answered " + response.statusCode());
        }
    }

    private static BigDecimal threshold() {
        return new BigDecimal(System.getProperty(THRESHOLD_PROPERTY, DEFAULT_THRESHOLD));
    }
}
