package dev.tandem.metrics.rest;

import dev.tandem.metrics.control.TransferMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: Tandem's metrics in the Prometheus text format, for operators (web.xml). */
@Path("metrics")
public class MetricsResource {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    TransferMetrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return metrics.scrape();
    }
}
