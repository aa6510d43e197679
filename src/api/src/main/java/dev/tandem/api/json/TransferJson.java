package dev.tandem.api.json;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.EntryDetails;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and writes transfers, accounts and totals as JSON.
 * <p>
 * Amounts and balances are written as decimal strings ({@code "10.00"}) so that no reader
 * turns them into floating point. Requests may give the amount as a string or a JSON number.
 */
public final class TransferJson {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d{1,40}(\\.\\d{1,40})?");

    private TransferJson() {
    }

    /**
     * Parses a transfer request. Only the JSON itself is checked here (syntax, field types, a
     * readable amount); missing fields come back as {@code null} for
     * {@link TransferRequest#requireWellFormed()} to report.
     */
    public static TransferRequest parseRequest(String json) throws InvalidTransferException {
        JsonObject body = parseObject(json);
        return new TransferRequest(
                uuid(body, "id"),
                string(body, "from"),
                string(body, "to"),
                amount(body),
                string(body, "currency"));
    }

    public static JsonObject toJson(TransferRequest request) {
        JsonObjectBuilder json = JsonSupport.objectBuilder();
        if (request.id() != null) {
            json.add("id", request.id().toString());
        }
        return json.add("from", request.from())
                .add("to", request.to())
                .add("amount", request.amount().toPlainString())
                .add("currency", request.currency())
                .build();
    }

    public static JsonObject toJson(TransferDetails transfer) {
        JsonObjectBuilder json = JsonSupport.objectBuilder()
                .add("id", transfer.id().toString())
                .add("from", transfer.from())
                .add("to", transfer.to())
                .add("amount", transfer.amount().toPlainString())
                .add("currency", transfer.currency())
                .add("status", transfer.status().name());
        if (transfer.reason() != null) {
            json.add("reason", transfer.reason().name());
        }
        if (transfer.detail() != null) {
            json.add("detail", transfer.detail());
        }
        json.add("mode", transfer.mode().name())
                .add("createdAt", transfer.createdAt().toString());
        if (transfer.completedAt() != null) {
            json.add("completedAt", transfer.completedAt().toString());
        }
        if (transfer.traceId() != null) {
            json.add("traceId", transfer.traceId());
        }
        return json.build();
    }

    /** Reads a transfer as written by {@link #toJson(TransferDetails)}. */
    public static TransferDetails parseDetails(String json) {
        return parseDetails(parseWritten(json));
    }

    /** Reads a transfer as written by {@link #toJson(TransferDetails)}. */
    public static TransferDetails parseDetails(JsonObject body) {
        return new TransferDetails(
                UUID.fromString(body.getString("id")),
                body.getString("from"),
                body.getString("to"),
                new BigDecimal(body.getString("amount")),
                body.getString("currency"),
                TransferStatus.valueOf(body.getString("status")),
                body.containsKey("reason") ? RejectionReason.valueOf(body.getString("reason")) : null,
                body.getString("detail", null),
                TransferMode.valueOf(body.getString("mode")),
                Instant.parse(body.getString("createdAt")),
                body.containsKey("completedAt") ? Instant.parse(body.getString("completedAt")) : null,
                body.getString("traceId", null));
    }

    public static JsonObject toJson(AccountDetails account) {
        return JsonSupport.objectBuilder()
                .add("id", account.id())
                .add("ledger", account.ledger())
                .add("owner", account.owner())
                .add("currency", account.currency())
                .add("balance", account.balance().toPlainString())
                .build();
    }

    /** A statement line; the opening balance has no {@code transfer} and says {@code "opening": true}. */
    public static JsonObject toJson(EntryDetails entry) {
        JsonObjectBuilder json = JsonSupport.objectBuilder().add("id", entry.id()).add("account", entry.account());
        if (entry.transfer() == null) {
            json.add("opening", true);
        } else {
            json.add("transfer", entry.transfer().toString());
        }
        return json.add("amount", entry.amount().toPlainString())
                .add("balanceAfter", entry.balanceAfter().toPlainString())
                .add("postedAt", entry.postedAt().toString())
                .build();
    }

    /** Reads a statement line as written by {@link #toJson(EntryDetails)}. */
    public static EntryDetails parseEntry(JsonObject json) {
        return new EntryDetails(json.getString("id"), json.getString("account"),
                json.containsKey("transfer") ? UUID.fromString(json.getString("transfer")) : null,
                new BigDecimal(json.getString("amount")), new BigDecimal(json.getString("balanceAfter")),
                Instant.parse(json.getString("postedAt")));
    }

    public static AccountDetails parseAccount(JsonObject json) {
        return new AccountDetails(json.getString("id"), json.getString("ledger"), json.getString("owner"),
                json.getString("currency"), new BigDecimal(json.getString("balance")));
    }

    /** {@code {"ledgers": {"A": {"EUR": "..."}, ...}, "overall": {"EUR": "..."}}} */
    public static JsonObject toJson(LedgerTotals totals) {
        JsonObjectBuilder ledgers = JsonSupport.objectBuilder();
        totals.byLedger().forEach((ledger, sums) -> ledgers.add(ledger, sums(sums)));
        return JsonSupport.objectBuilder()
                .add("ledgers", ledgers)
                .add("overall", sums(totals.overall()))
                .build();
    }

    public static LedgerTotals parseTotals(String json) {
        JsonObject ledgers = parseWritten(json).getJsonObject("ledgers");
        var byLedger = new LinkedHashMap<String, Map<String, BigDecimal>>();
        ledgers.forEach((ledger, sums) -> {
            var byCurrency = new LinkedHashMap<String, BigDecimal>();
            sums.asJsonObject().forEach((currency, sum) ->
                    byCurrency.put(currency, new BigDecimal(((JsonString) sum).getString())));
            byLedger.put(ledger, byCurrency);
        });
        return new LedgerTotals(byLedger);
    }

    private static JsonObjectBuilder sums(Map<String, BigDecimal> sums) {
        JsonObjectBuilder json = JsonSupport.objectBuilder();
        sums.forEach((currency, sum) -> json.add(currency, sum.toPlainString()));
        return json;
    }

    private static JsonObject parseObject(String json) throws InvalidTransferException {
        if (json == null || json.isBlank()) {
            throw new InvalidTransferException("the request body is empty; expected a JSON object");
        }
        JsonValue value;
        try (var reader = JsonSupport.reader(json)) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvalidTransferException("the request body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidTransferException("the request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidTransferException("the request body must be a JSON object, got " + value.getValueType());
        }
        return value.asJsonObject();
    }

    private static JsonObject parseWritten(String json) {
        try (var reader = JsonSupport.reader(json)) {
            return reader.readObject();
        }
    }

    private static String string(JsonObject body, String field) throws InvalidTransferException {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new InvalidTransferException("field '" + field + "' must be a string, got " + value.getValueType());
    }

    private static UUID uuid(JsonObject body, String field) throws InvalidTransferException {
        String text = string(body, field);
        if (text == null) {
            return null;
        }
        return parseId(text, "field '" + field + "'");
    }

    /** Reads a transfer id, which must be a UUID; {@code what} names its source in the error. */
    public static UUID parseId(String text, String what) throws InvalidTransferException {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidTransferException(what + " must be a UUID such as 3f2b8c1e-7d4a-4b6e-9c0d-5a1e2f3b4c5d, got '" + text + "'");
    }

    private static BigDecimal amount(JsonObject body) throws InvalidTransferException {
        JsonValue value = body.get("amount");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        if (value instanceof JsonString text) {
            String amount = text.getString().strip();
            if (PLAIN_DECIMAL.matcher(amount).matches()) {
                return new BigDecimal(amount);
            }
            throw new InvalidTransferException("field 'amount' must be a decimal number such as \"10.00\" with at most 40 digits on either side of the point, got '"
                    + abbreviate(text.getString()) + "'");
        }
        throw new InvalidTransferException("field 'amount' must be a decimal string or number, got " + value.getValueType());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
