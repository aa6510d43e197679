/**
 * What Tandem tells an operator while it runs, in the Prometheus text format: transfers by entry point,
 * outcome and currency with their latencies, how transactions ended, what is in flight and what the
 * registry holds. Tandem owns its metrics (Micrometer), so that they have the same names on Payara Server
 * and WildFly.
 */
package dev.tandem.metrics.control;
