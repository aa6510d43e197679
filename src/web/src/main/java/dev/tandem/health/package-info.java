/**
 * Readiness: whether Tandem can serve transfers now, given its dependencies (both ledger databases
 * and the broker). Payara serves it as MicroProfile Health at {@code /health/ready}.
 */
package dev.tandem.health;
