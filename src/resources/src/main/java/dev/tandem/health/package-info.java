/**
 * MicroProfile Health: readiness, whether Tandem can serve transfers now, given its dependencies (both ledger
 * databases and the broker), and liveness, whether the server needs a restart. Payara Server serves them at
 * {@code /health/ready} and {@code /health/live} on its HTTP port, WildFly on its management port. They live in a
 * library of the EAR because WildFly registers no health check of the EAR's modules (WFLY-12835).
 */
package dev.tandem.health;
