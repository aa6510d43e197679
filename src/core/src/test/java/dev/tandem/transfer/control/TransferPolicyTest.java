package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferRequest;
import dev.tandem.ledger.entity.Account;
import dev.tandem.transfer.entity.Rejection;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferPolicyTest {

    private static final Account EUR_SOURCE = new Account("A-0001", "Ada", "EUR", new BigDecimal("100.00"));
    private static final Account EUR_TARGET = new Account("B-0001", "Alan", "EUR", new BigDecimal("0.00"));
    private static final Account USD_TARGET = new Account("B-0010", "Grace", "USD", new BigDecimal("0.00"));

    @ParameterizedTest
    @CsvSource({
            "0, INVALID_AMOUNT",
            "0.00, INVALID_AMOUNT",
            "-5.00, INVALID_AMOUNT",
            "10.001, INVALID_AMOUNT",
            "1000000000.01, AMOUNT_LIMIT_EXCEEDED",
            "1E+30, AMOUNT_LIMIT_EXCEEDED",
    })
    void rejectsAmountsThatAreNotPositiveCentsWithinTheLimit(String amount, RejectionReason expected) {
        assertThat(TransferPolicy.screen(request("A-0001", "B-0001", amount, "EUR")))
                .map(Rejection::reason).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.01", "10", "10.5", "10.50", "10.500", "1000000000.00"})
    void acceptsPositiveAmountsInCentsUpToTheLimit(String amount) {
        assertThat(TransferPolicy.screen(request("A-0001", "B-0001", amount, "EUR"))).isEmpty();
    }

    @Test
    void rejectsATransferToTheSameAccount() {
        assertThat(TransferPolicy.screen(request("A-0001", "A-0001", "1.00", "EUR")))
                .map(Rejection::reason).contains(RejectionReason.SAME_ACCOUNT);
    }

    @Test
    void rejectsUnknownAccountsNamingThem() {
        var request = request("A-0001", "B-9999", "1.00", "EUR");

        assertThat(TransferPolicy.check(request, EUR_SOURCE, null)).hasValueSatisfying(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.UNKNOWN_ACCOUNT);
            assertThat(rejection.detail()).contains("B-9999");
        });
    }

    @Test
    void rejectsACurrencyEitherAccountDoesNotHold() {
        assertThat(TransferPolicy.check(request("A-0001", "B-0010", "1.00", "EUR"), EUR_SOURCE, USD_TARGET))
                .map(Rejection::reason).contains(RejectionReason.CURRENCY_MISMATCH);
        assertThat(TransferPolicy.check(request("A-0001", "B-0010", "1.00", "USD"), EUR_SOURCE, USD_TARGET))
                .map(Rejection::reason).contains(RejectionReason.CURRENCY_MISMATCH);
    }

    @Test
    void rejectsMoreThanTheSourceHoldsButAllowsEmptyingIt() {
        assertThat(TransferPolicy.check(request("A-0001", "B-0001", "100.01", "EUR"), EUR_SOURCE, EUR_TARGET))
                .map(Rejection::reason).contains(RejectionReason.INSUFFICIENT_FUNDS);
        assertThat(TransferPolicy.check(request("A-0001", "B-0001", "100.00", "EUR"), EUR_SOURCE, EUR_TARGET))
                .isEmpty();
    }

    private static TransferRequest request(String from, String to, String amount, String currency) {
        return new TransferRequest(UUID.randomUUID(), from, to, new BigDecimal(amount), currency);
    }
}
