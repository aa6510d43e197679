package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every test, the money in Tandem adds up to exactly what the demo accounts were opened with:
 * transfers move money between accounts and ledgers but never create or destroy any, whatever
 * the test did (rejections, failures, concurrency). No account may be overdrawn either. After every
 * test class, all of Tandem's invariants hold ({@code GET /verification}, as {@code ./tandem verify}).
 */
public class ConservationCheck implements AfterEachCallback, AfterAllCallback {

    /** 45 EUR and 5 USD accounts of 1000.00 in each of the two ledgers. */
    static final Map<String, BigDecimal> OPENING_TOTALS = Map.of("EUR", new BigDecimal("90000.00"), "USD", new BigDecimal("10000.00"));

    @Override
    public void afterAll(ExtensionContext context) {
        JsonObject report = Tandem.OPERATIONS.verification();
        assertThat(report.getJsonArray("findings").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .as("invariants after %s", context.getDisplayName()).isEmpty();
        assertThat(report.getBoolean("consistent")).isTrue();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(Tandem.CLIENT.totals().overall())
                .as("overall totals per currency after %s", context.getDisplayName())
                .isEqualTo(OPENING_TOTALS);
        assertThat(Tandem.balancesOfAllAccounts())
                .as("balances after %s", context.getDisplayName())
                .allSatisfy((account, balance) -> assertThat(balance.signum()).as(account).isNotNegative());
    }
}
