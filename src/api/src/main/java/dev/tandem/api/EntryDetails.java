package dev.tandem.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an account's statement: an amount posted by a transfer (negative for a debit) and the balance it
 * left. {@code transfer} is null for the account's opening balance. {@code id} names the entry: the transfer id
 * and the side ({@code :D}, {@code :C}).
 */
public record EntryDetails(String id, String account, UUID transfer, BigDecimal amount, BigDecimal balanceAfter, Instant postedAt) {
}
