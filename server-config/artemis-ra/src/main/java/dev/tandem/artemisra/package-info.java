/**
 * Artemis' Jakarta resource adapter as Tandem deploys it on Payara: unchanged, except that a
 * message-driven delivery goes ahead only once the broker session has joined its transaction.
 */
package dev.tandem.artemisra;
