package dev.tandem.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.api.EntryDetails;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransferJsonTest {

    private static final String ID = "3f2b8c1e-7d4a-4b6e-9c0d-5a1e2f3b4c5d";

    @Test
    void readsACompleteRequestWithTheAmountAsString() throws Exception {
        TransferRequest request = TransferJson.parseRequest(
                "{\"id\":\"" + ID + "\",\"from\":\"A-0001\",\"to\":\"B-0002\",\"amount\":\"10.50\",\"currency\":\"EUR\"}");

        assertThat(request.id()).isEqualTo(UUID.fromString(ID));
        assertThat(request.from()).isEqualTo("A-0001");
        assertThat(request.to()).isEqualTo("B-0002");
        assertThat(request.amount()).isEqualByComparingTo("10.50");
        assertThat(request.currency()).isEqualTo("EUR");
    }

    @Test
    void readsTheAmountAsAJsonNumberWithoutGoingThroughFloatingPoint() throws Exception {
        TransferRequest request = TransferJson.parseRequest(
                "{\"from\":\"A-0001\",\"to\":\"B-0002\",\"amount\":0.10,\"currency\":\"EUR\"}");

        assertThat(request.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(request.id()).isNull();
    }

    @Test
    void leavesMissingFieldsForTheWellFormednessCheck() throws Exception {
        TransferRequest request = TransferJson.parseRequest("{\"from\":\"A-0001\"}");

        assertThat(request.to()).isNull();
        assertThatThrownBy(request::requireWellFormed)
                .isInstanceOf(InvalidTransferException.class)
                .hasMessage("field 'to' is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"from\":|not valid JSON",
            "[1,2]|must be a JSON object",
            "''|empty",
            "{\"from\":7,\"to\":\"B-1\",\"amount\":\"1\",\"currency\":\"EUR\"}|field 'from' must be a string",
            "{\"from\":\"A-1\",\"to\":\"B-1\",\"amount\":\"ten\",\"currency\":\"EUR\"}|field 'amount' must be a decimal number",
            "{\"from\":\"A-1\",\"to\":\"B-1\",\"amount\":\"1e5\",\"currency\":\"EUR\"}|field 'amount' must be a decimal number",
            "{\"from\":\"A-1\",\"to\":\"B-1\",\"amount\":true,\"currency\":\"EUR\"}|field 'amount' must be a decimal string or number",
            "{\"id\":\"42\",\"from\":\"A-1\",\"to\":\"B-1\",\"amount\":\"1\",\"currency\":\"EUR\"}|field 'id' must be a UUID",
    })
    void refusesMalformedJsonWithAMessageNamingTheProblem(String json, String expected) {
        assertThatThrownBy(() -> TransferJson.parseRequest(json))
                .isInstanceOf(InvalidTransferException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E1R"})
    void refusesCurrenciesThatAreNotIsoCodes(String currency) {
        var request = new TransferRequest(null, "A-0001", "B-0001", BigDecimal.ONE, currency);

        assertThatThrownBy(request::requireWellFormed).hasMessageContaining("ISO 4217");
    }

    @Test
    void refusesAccountIdsThatCannotBeAccounts() {
        var request = new TransferRequest(null, "A 0001; DROP TABLE", "B-0001", BigDecimal.ONE, "EUR");

        assertThatThrownBy(request::requireWellFormed).hasMessageContaining("field 'from' must be an account id");
    }

    @Test
    void writesAndReadsTransferDetailsLosslessly() {
        var rejected = new TransferDetails(UUID.randomUUID(), "A-0001", "B-0001", new BigDecimal("12.30"), "EUR",
                TransferStatus.REJECTED, RejectionReason.INSUFFICIENT_FUNDS, "A-0001 holds 1.00 EUR",
                TransferMode.ASYNC, Instant.parse("2026-01-02T03:04:05.123456Z"), Instant.parse("2026-01-02T03:04:06Z"),
                "4bf92f3577b34da6a3ce929d0e0e4736");
        var pending = new TransferDetails(UUID.randomUUID(), "A-0001", "B-0001", new BigDecimal("0.01"), "USD",
                TransferStatus.PENDING, null, null, TransferMode.SYNC, Instant.now(), null, null);

        assertThat(TransferJson.parseDetails(TransferJson.toJson(rejected).toString())).isEqualTo(rejected);
        assertThat(TransferJson.parseDetails(TransferJson.toJson(pending).toString())).isEqualTo(pending);
        assertThat(TransferJson.toJson(rejected).getString("amount")).isEqualTo("12.30");
        assertThat(TransferJson.toJson(rejected).getString("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TransferJson.toJson(pending).containsKey("traceId")).isFalse();
    }

    @Test
    void writesAndReadsStatementLinesWithAndWithoutATransfer() {
        var debit = new EntryDetails(ID + ":D", "A-0001", UUID.fromString(ID), new BigDecimal("-10.50"),
                new BigDecimal("989.50"), Instant.parse("2026-12-05T05:30:00.123Z"));
        var opening = new EntryDetails("A-0001:opening", "A-0001", null, new BigDecimal("1000.00"),
                new BigDecimal("1000.00"), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(TransferJson.parseEntry(TransferJson.toJson(debit))).isEqualTo(debit);
        assertThat(TransferJson.toJson(opening).getBoolean("opening")).isTrue();
        assertThat(TransferJson.parseEntry(TransferJson.toJson(opening))).isEqualTo(opening);
    }

    @Test
    void writesTotalsPerLedgerAndOverall() {
        var totals = new LedgerTotals(Map.of(
                "A", Map.of("EUR", new BigDecimal("100.00"), "USD", new BigDecimal("5.00")),
                "B", Map.of("EUR", new BigDecimal("0.50"))));

        var json = TransferJson.toJson(totals);

        assertThat(json.getJsonObject("overall").getString("EUR")).isEqualTo("100.50");
        assertThat(json.getJsonObject("overall").getString("USD")).isEqualTo("5.00");
        assertThat(TransferJson.parseTotals(json.toString())).isEqualTo(totals);
    }

    @Test
    void writesARequestThatReadsBackTheSame() throws Exception {
        var request = TransferRequest.of("A-0001", "B-0001", "10.00", "EUR");

        var read = TransferJson.parseRequest(TransferJson.toJson(request).toString());

        assertThat(read.id()).isEqualTo(request.id());
        assertThat(read.hasSameContentAs(request.from(), request.to(), request.amount(), request.currency())).isTrue();
    }
}
