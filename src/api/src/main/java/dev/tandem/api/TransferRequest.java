package dev.tandem.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request to move {@code amount} of {@code currency} from one account to another.
 * <p>
 * The {@code id} makes the request idempotent: submitting the same id again with the same
 * content returns the first outcome. It may be left out, in which case the service assigns one
 * (and a retry can no longer be recognised as such).
 * <p>
 * It may carry the caller's W3C trace ({@code traceparent}), for the channel that has no headers of its own: the
 * remote EJB. It is not part of the request's content: a retry in another trace is the same request.
 */
public final class TransferRequest implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,33}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Digits allowed on either side of the decimal point: far beyond any real amount, but bounded. */
    public static final int MAX_DIGITS = 40;

    private final UUID id;
    private final String from;
    private final String to;
    private final BigDecimal amount;
    private final String currency;
    private final String traceparent;

    public TransferRequest(UUID id, String from, String to, BigDecimal amount, String currency) {
        this(id, from, to, amount, currency, null);
    }

    private TransferRequest(UUID id, String from, String to, BigDecimal amount, String currency, String traceparent) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.currency = currency;
        this.traceparent = traceparent;
    }

    public static TransferRequest of(String from, String to, String amount, String currency) {
        return new TransferRequest(UUID.randomUUID(), from, to, new BigDecimal(amount), currency);
    }

    public UUID id() {
        return id;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    /** The caller's W3C {@code traceparent}, or null: the service then starts a trace of its own. */
    public String traceparent() {
        return traceparent;
    }

    public TransferRequest withId(UUID newId) {
        return new TransferRequest(newId, from, to, amount, currency, traceparent);
    }

    /** The same request in the caller's trace ({@link TraceContext#traceparent()}). */
    public TransferRequest inTrace(String callersTraceparent) {
        return new TransferRequest(id, from, to, amount, currency, callersTraceparent);
    }

    /** This request if it has an id, otherwise the same request with a new random id. */
    public TransferRequest identified() {
        return id == null ? withId(UUID.randomUUID()) : this;
    }

    /**
     * Checks that the request is complete and well formed. Business rules (amount limits, known
     * accounts, funds) are not checked here: breaking them is a rejection, not malformed input.
     *
     * @throws InvalidTransferException naming the first problem found
     */
    public void requireWellFormed() throws InvalidTransferException {
        requireAccount("from", from);
        requireAccount("to", to);
        if (amount == null) {
            throw new InvalidTransferException("field 'amount' is required");
        }
        if (amount.precision() - amount.scale() > MAX_DIGITS || amount.scale() > MAX_DIGITS) {
            throw new InvalidTransferException("field 'amount' must have at most " + MAX_DIGITS
                    + " digits before and after the decimal point");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidTransferException("field 'currency' is required");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidTransferException(
                    "field 'currency' must be a three-letter ISO 4217 code in upper case, got '" + currency + "'");
        }
    }

    private static void requireAccount(String field, String value) throws InvalidTransferException {
        if (value == null || value.isBlank()) {
            throw new InvalidTransferException("field '" + field + "' is required");
        }
        if (!ACCOUNT_ID.matcher(value).matches()) {
            throw new InvalidTransferException("field '" + field
                    + "' must be an account id of 1 to 34 letters, digits, '-', '_' or '.', got '" + value + "'");
        }
    }

    /** Same accounts, same currency, numerically the same amount: a retry of this request. */
    public boolean hasSameContentAs(String otherFrom, String otherTo, BigDecimal otherAmount, String otherCurrency) {
        return Objects.equals(from, otherFrom)
                && Objects.equals(to, otherTo)
                && Objects.equals(currency, otherCurrency)
                && amount != null && otherAmount != null && amount.compareTo(otherAmount) == 0;
    }

    @Override
    public String toString() {
        return "TransferRequest[" + id + ": " + from + " -> " + to + ", " + amount + " " + currency + "]";
    }
}
