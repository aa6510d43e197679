package dev.tandem.transfer.control;

import static dev.tandem.api.RejectionReason.AMOUNT_LIMIT_EXCEEDED;
import static dev.tandem.api.RejectionReason.CURRENCY_MISMATCH;
import static dev.tandem.api.RejectionReason.INSUFFICIENT_FUNDS;
import static dev.tandem.api.RejectionReason.INVALID_AMOUNT;
import static dev.tandem.api.RejectionReason.SAME_ACCOUNT;
import static dev.tandem.api.RejectionReason.UNKNOWN_ACCOUNT;

import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferRequest;
import dev.tandem.ledger.entity.Account;
import dev.tandem.transfer.entity.Rejection;
import java.math.BigDecimal;
import java.util.Optional;

/** The business rules a transfer must pass. Breaking one is a rejection: recorded, answered, never retried. */
public final class TransferPolicy {

    /** The largest amount one transfer may move. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000.00");

    private TransferPolicy() {
    }

    /** Rules that need only the request: a positive amount in cents, below the limit, between two accounts. */
    public static Optional<Rejection> screen(TransferRequest request) {
        BigDecimal amount = request.amount();
        if (amount.signum() <= 0) {
            return reject(INVALID_AMOUNT, "the amount must be positive, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return reject(INVALID_AMOUNT, "the amount must not have more than two decimal places, got " + amount.toPlainString());
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return reject(AMOUNT_LIMIT_EXCEEDED, "the amount " + amount.toPlainString()
                    + " is above the per-transfer limit of " + MAX_AMOUNT.toPlainString());
        }
        if (request.from().equals(request.to())) {
            return reject(SAME_ACCOUNT, "source and target are both " + request.from());
        }
        return Optional.empty();
    }

    /**
     * Rules that need the accounts, read under lock: both exist, both hold the transfer's currency,
     * and the source covers the amount.
     *
     * @param source the locked source account, {@code null} if it does not exist
     * @param target the locked target account, {@code null} if it does not exist
     */
    public static Optional<Rejection> check(TransferRequest request, Account source, Account target) {
        if (source == null) {
            return reject(UNKNOWN_ACCOUNT, "there is no account " + request.from());
        }
        if (target == null) {
            return reject(UNKNOWN_ACCOUNT, "there is no account " + request.to());
        }
        for (Account account : new Account[] {source, target}) {
            if (!account.currency().equals(request.currency())) {
                return reject(CURRENCY_MISMATCH, "account " + account.id() + " holds " + account.currency()
                        + ", the transfer is in " + request.currency());
            }
        }
        if (!source.canCover(request.amount())) {
            return reject(INSUFFICIENT_FUNDS, "account " + source.id() + " cannot cover "
                    + request.amount().toPlainString() + " " + request.currency());
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RejectionReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
