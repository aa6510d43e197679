/**
 * Artemis' Jakarta resource adapter as Tandem deploys it on Payara: unchanged, except that a
 * message-driven delivery goes ahead only once the broker session has joined its transaction, and
 * that a rollback which could not reach the broker is done once it can.
 */
package dev.tandem.artemisra;
