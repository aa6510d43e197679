/** The metrics endpoint, for Prometheus and for operators. */
package dev.tandem.metrics.rest;
