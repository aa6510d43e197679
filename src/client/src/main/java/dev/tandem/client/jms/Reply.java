package dev.tandem.client.jms;

/**
 * Tandem's answer to one request: its {@code status} property ({@code COMPLETED}, {@code REJECTED},
 * {@code INVALID} or {@code CONFLICT}), the transfer it concerns if known, and the JSON body.
 */
public record Reply(String correlationId, String status, String transferId, int deliveryAttempt, String body) {
}
