package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The REST contract of {@code /transfers}, {@code /accounts} and {@code /ledgers/totals}. Accounts A-0031..36, B-0031..36. */
@ExtendWith(ConservationCheck.class)
class TransferApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void crossLedgerTransferMovesMoneyBetweenTheLedgersAndIsRecorded() {
        var before = Tandem.balances("A-0031", "B-0031");
        var ledgerTotalsBefore = Tandem.CLIENT.totals().byLedger();
        String id = UUID.randomUUID().toString();

        var response = Tandem.postJson("transfers", request(id, "A-0031", "B-0031", "12.34", "EUR").build().toString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/tandem/api/transfers/" + id));
        JsonObject outcome = Tandem.json(response);
        assertThat(outcome.getString("id")).isEqualTo(id);
        assertThat(outcome.getString("status")).isEqualTo("COMPLETED");
        assertThat(outcome.getString("amount")).isEqualTo("12.34");
        assertThat(outcome.getString("mode")).isEqualTo("SYNC");
        assertThat(outcome.containsKey("reason")).isFalse();
        assertThat(outcome.getString("completedAt")).isNotBlank();

        assertThat(Tandem.balance("A-0031")).isEqualByComparingTo(before.get("A-0031").subtract(new BigDecimal("12.34")));
        assertThat(Tandem.balance("B-0031")).isEqualByComparingTo(before.get("B-0031").add(new BigDecimal("12.34")));
        var ledgerTotalsAfter = Tandem.CLIENT.totals().byLedger();
        assertThat(ledgerTotalsAfter.get("A").get("EUR"))
                .isEqualByComparingTo(ledgerTotalsBefore.get("A").get("EUR").subtract(new BigDecimal("12.34")));
        assertThat(ledgerTotalsAfter.get("B").get("EUR"))
                .isEqualByComparingTo(ledgerTotalsBefore.get("B").get("EUR").add(new BigDecimal("12.34")));

        var recorded = Tandem.get("transfers/" + id);
        assertThat(recorded.statusCode()).isEqualTo(200);
        assertThat(Tandem.json(recorded)).isEqualTo(outcome);
    }

    @Test
    void theSameIdTwiceHasOneEffectAndGetsTheSameAnswer() {
        var before = Tandem.balances("A-0032", "B-0032");
        String id = UUID.randomUUID().toString();
        String body = request(id, "A-0032", "B-0032", "5.00", "EUR").build().toString();

        var first = Tandem.postJson("transfers", body);
        var second = Tandem.postJson("transfers", request(id, "A-0032", "B-0032", "5", "EUR").build().toString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Tandem.balances("A-0032", "B-0032")).isEqualTo(Map.of(
                "A-0032", before.get("A-0032").subtract(new BigDecimal("5.00")),
                "B-0032", before.get("B-0032").add(new BigDecimal("5.00"))));
    }

    @Test
    void theIdempotencyKeyHeaderNamesTheTransfer() {
        String key = UUID.randomUUID().toString();
        String body = request(null, "A-0033", "B-0033", "1.00", "EUR").build().toString();
        var before = Tandem.balance("A-0033");

        var first = Tandem.postJson("transfers", body, "Idempotency-Key", key);
        var retry = Tandem.postJson("transfers", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(Tandem.json(first).getString("id")).isEqualTo(key);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(Tandem.balance("A-0033")).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    }

    @Test
    void anIdempotencyKeyThatContradictsTheBodyIsRefused() {
        var response = Tandem.postJson("transfers",
                request(UUID.randomUUID().toString(), "A-0033", "B-0033", "1.00", "EUR").build().toString(),
                "Idempotency-Key", UUID.randomUUID().toString());

        assertProblem(response, 400, "invalid-request", "differ");
    }

    @Test
    void reusingAnIdForDifferentContentIsAConflictAndChangesNothing() {
        String id = UUID.randomUUID().toString();
        assertThat(Tandem.postJson("transfers", request(id, "A-0034", "B-0034", "2.00", "EUR").build().toString()).statusCode())
                .isEqualTo(201);
        var before = Tandem.balances("A-0034", "B-0034", "B-0035");

        var conflict = Tandem.postJson("transfers", request(id, "A-0034", "B-0035", "2.00", "EUR").build().toString());

        JsonObject problem = assertProblem(conflict, 409, "transfer-conflict", id);
        assertThat(problem.getString("transferId")).isEqualTo(id);
        assertThat(Tandem.balances("A-0034", "B-0034", "B-0035")).isEqualTo(before);
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("to")).isEqualTo("B-0034");
    }

    static Stream<Arguments> malformedRequests() {
        String id = "\"id\":\"%s\",";
        return Stream.of(
                arguments("malformed JSON", "{" + id + "\"from\":\"A-0035\",", "not valid JSON"),
                arguments("a JSON array", "[\"A-0035\"]", "must be a JSON object"),
                arguments("an empty body", "", "empty"),
                arguments("no source", "{" + id + "\"to\":\"B-0035\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", "'from' is required"),
                arguments("no target", "{" + id + "\"from\":\"A-0035\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", "'to' is required"),
                arguments("no amount", "{" + id + "\"from\":\"A-0035\",\"to\":\"B-0035\",\"currency\":\"EUR\"}", "'amount' is required"),
                arguments("no currency", "{" + id + "\"from\":\"A-0035\",\"to\":\"B-0035\",\"amount\":\"1.00\"}", "'currency' is required"),
                arguments("a non-numeric amount", body(id, "\"ten\"", "EUR"), "'amount' must be a decimal number"),
                arguments("an amount in exponent notation", body(id, "\"1e2\"", "EUR"), "'amount' must be a decimal number"),
                arguments("a boolean amount", body(id, "true", "EUR"), "'amount' must be a decimal string or number"),
                arguments("an amount with 60 digits", body(id, "\"" + "9".repeat(60) + "\"", "EUR"), "at most 40 digits"),
                arguments("a lower-case currency", body(id, "\"1.00\"", "eur"), "ISO 4217"),
                arguments("an account id that is no id", "{" + id + "\"from\":\"A-0035; --\",\"to\":\"B-0035\",\"amount\":\"1\",\"currency\":\"EUR\"}",
                        "'from' must be an account id"),
                arguments("an id that is not a UUID", "{\"id\":\"transfer-1\",\"from\":\"A-0035\",\"to\":\"B-0035\",\"amount\":\"1\",\"currency\":\"EUR\"}",
                        "must be a UUID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedInputIs400AndRecordsNothing(String what, String template, String detail) {
        String id = UUID.randomUUID().toString();
        var before = Tandem.balances("A-0035", "B-0035");

        var response = Tandem.postJson("transfers", template.formatted(id));

        assertProblem(response, 400, "invalid-request", detail);
        assertThat(Tandem.balances("A-0035", "B-0035")).isEqualTo(before);
        assertThat(Tandem.get("transfers/" + id).statusCode()).as("no record of " + id).isEqualTo(404);
    }

    static Stream<Arguments> rejectedRequests() {
        return Stream.of(
                arguments("a zero amount", "A-0035", "B-0035", "0.00", "EUR", "INVALID_AMOUNT", "must be positive"),
                arguments("a negative amount", "A-0035", "B-0035", "-5.00", "EUR", "INVALID_AMOUNT", "must be positive"),
                arguments("an amount below a cent", "A-0035", "B-0035", "1.005", "EUR", "INVALID_AMOUNT", "two decimal places"),
                arguments("an absurdly large amount", "A-0035", "B-0035", "1000000000000000000000000000000", "EUR",
                        "AMOUNT_LIMIT_EXCEEDED", "per-transfer limit"),
                arguments("an unknown source", "A-9999", "B-0035", "1.00", "EUR", "UNKNOWN_ACCOUNT", "A-9999"),
                arguments("an unknown target", "A-0035", "B-9999", "1.00", "EUR", "UNKNOWN_ACCOUNT", "B-9999"),
                arguments("a ledger that does not exist", "A-0035", "Z-0001", "1.00", "EUR", "UNKNOWN_ACCOUNT", "Z-0001"),
                arguments("the same account twice", "A-0035", "A-0035", "1.00", "EUR", "SAME_ACCOUNT", "A-0035"),
                arguments("a currency the target does not hold", "A-0035", "B-0030", "1.00", "EUR", "CURRENCY_MISMATCH", "B-0030 holds USD"),
                arguments("a currency neither holds", "A-0035", "B-0035", "1.00", "CHF", "CURRENCY_MISMATCH", "holds EUR"),
                arguments("more than the source holds", "A-0035", "B-0035", "1000000.00", "EUR", "INSUFFICIENT_FUNDS", "A-0035 cannot cover"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRequests")
    void aBusinessRejectionIs422RecordedAndMovesNoMoney(String what, String from, String to, String amount, String currency,
                                                        String reason, String detail) {
        String id = UUID.randomUUID().toString();
        var before = Tandem.balances("A-0035", "B-0035", "B-0030");

        var response = Tandem.postJson("transfers", request(id, from, to, amount, currency).build().toString());

        JsonObject problem = assertProblem(response, 422, reason.toLowerCase().replace('_', '-'), detail);
        assertThat(problem.getString("reason")).isEqualTo(reason);
        assertThat(problem.getString("transferId")).isEqualTo(id);
        assertThat(Tandem.balances("A-0035", "B-0035", "B-0030")).isEqualTo(before);
        JsonObject recorded = Tandem.json(Tandem.get("transfers/" + id));
        assertThat(recorded.getString("status")).isEqualTo("REJECTED");
        assertThat(recorded.getString("reason")).isEqualTo(reason);
        assertThat(recorded.getString("detail")).contains(detail);
    }

    @Test
    void aRejectionRetriedWithTheSameIdGetsTheSameRejection() {
        String id = UUID.randomUUID().toString();
        String body = request(id, "A-0035", "B-0035", "1000000.00", "EUR").build().toString();

        var first = Tandem.postJson("transfers", body);
        var retry = Tandem.postJson("transfers", body);

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(retry.statusCode()).isEqualTo(422);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        var response = Tandem.send(HttpRequest.newBuilder(Tandem.API.resolve("transfers"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("from A-0035 to B-0035")));

        assertProblem(response, 415, "http-415", "");
    }

    @Test
    void unknownThingsAre404Problems() {
        assertProblem(Tandem.get("transfers/" + UUID.randomUUID()), 404, "not-found", "no transfer with id");
        assertProblem(Tandem.get("accounts/A-9999"), 404, "not-found", "no account with id A-9999");
        assertProblem(Tandem.get("no-such-resource"), 404, "http-404", "");
        assertProblem(Tandem.get("transfers/not-a-uuid"), 400, "invalid-request", "must be a UUID");
    }

    @Test
    void withRespondAsyncATransferIsAcceptedAt202AndSettledByTheQueue() throws Exception {
        var before = Tandem.balances("A-0036", "B-0036");
        String id = UUID.randomUUID().toString();
        String body = request(id, "A-0036", "B-0036", "3.00", "EUR").build().toString();

        var accepted = Tandem.postJson("transfers", body, "Prefer", "respond-async");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/tandem/api/transfers/" + id));
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
        assertThat(Tandem.json(accepted).getString("status")).isEqualTo("PENDING");
        assertThat(Tandem.json(accepted).getString("mode")).isEqualTo("ASYNC");
        var settled = Polling.until(Duration.ofSeconds(30), () -> Tandem.json(Tandem.get("transfers/" + id)),
                transfer -> !transfer.getString("status").equals("PENDING"));
        assertThat(settled.getString("status")).isEqualTo("COMPLETED");
        assertThat(settled.getString("completedAt")).isNotBlank();
        assertThat(Tandem.balance("A-0036")).isEqualByComparingTo(before.get("A-0036").subtract(new BigDecimal("3.00")));
        assertThat(Tandem.balance("B-0036")).isEqualByComparingTo(before.get("B-0036").add(new BigDecimal("3.00")));

        var again = Tandem.postJson("transfers", body, "Prefer", "respond-async");
        assertThat(again.statusCode()).as("a settled transfer is answered with its outcome").isEqualTo(201);
        assertThat(Tandem.json(again)).isEqualTo(settled);
        assertThat(Tandem.balance("A-0036")).isEqualByComparingTo(before.get("A-0036").subtract(new BigDecimal("3.00")));
    }

    @Test
    void aQueuedTransferCanStillBeRejectedAndAMalformedOneIsNotQueuedAtAll() throws Exception {
        String id = UUID.randomUUID().toString();
        var before = Tandem.balances("A-0036", "B-0036");

        var accepted = Tandem.postJson("transfers", request(id, "A-0036", "B-0036", "5000000.00", "EUR").build().toString(),
                "Prefer", "respond-async");
        var malformed = Tandem.postJson("transfers", "{\"from\":\"A-0036\"}", "Prefer", "respond-async");

        assertThat(accepted.statusCode()).isEqualTo(202);
        var settled = Polling.until(Duration.ofSeconds(30), () -> Tandem.json(Tandem.get("transfers/" + id)),
                transfer -> !transfer.getString("status").equals("PENDING"));
        assertThat(settled.getString("status")).isEqualTo("REJECTED");
        assertThat(settled.getString("reason")).isEqualTo("INSUFFICIENT_FUNDS");
        assertProblem(malformed, 400, "invalid-request", "'to' is required");
        assertThat(Tandem.balances("A-0036", "B-0036")).isEqualTo(before);
    }

    @Test
    void accountsAndTotalsDescribeBothLedgers() {
        var accounts = Tandem.CLIENT.accounts();
        var totals = Tandem.CLIENT.totals();

        assertThat(accounts).hasSize(100);
        assertThat(accounts).filteredOn(account -> account.ledger().equals("A")).hasSize(50);
        assertThat(Tandem.json(Tandem.get("accounts/B-0001")).keySet())
                .containsExactlyInAnyOrder("id", "ledger", "owner", "currency", "balance");
        assertThat(totals.byLedger()).containsOnlyKeys("A", "B");
        BigDecimal eurInAccounts = accounts.stream().filter(account -> account.currency().equals("EUR"))
                .map(account -> account.balance()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totals.overall().get("EUR")).isEqualByComparingTo(eurInAccounts);
    }

    private static String body(String idMember, String amount, String currency) {
        return "{" + idMember + "\"from\":\"A-0035\",\"to\":\"B-0035\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    private static JsonObjectBuilder request(String id, String from, String to, String amount, String currency) {
        var json = Json.createObjectBuilder();
        if (id != null) {
            json.add("id", id);
        }
        return json.add("from", from).add("to", to).add("amount", amount).add("currency", currency);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String type, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(contentType ->
                assertThat(contentType).startsWith(PROBLEM_JSON));
        JsonObject problem = Tandem.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:tandem:problem:" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail", "")).contains(detail);
        return problem;
    }
}
