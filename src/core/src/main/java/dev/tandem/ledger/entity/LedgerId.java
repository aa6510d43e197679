package dev.tandem.ledger.entity;

import java.util.Optional;

/**
 * The two ledger databases. An account id starts with its ledger's letter and a dash
 * ({@code A-0001} lives in ledger A), so any id can be routed without a lookup.
 */
public enum LedgerId {
    A,
    B;

    public static Optional<LedgerId> ofAccount(String accountId) {
        if (accountId == null || accountId.length() < 3 || accountId.charAt(1) != '-') {
            return Optional.empty();
        }
        return switch (accountId.charAt(0)) {
            case 'A' -> Optional.of(A);
            case 'B' -> Optional.of(B);
            default -> Optional.empty();
        };
    }
}
