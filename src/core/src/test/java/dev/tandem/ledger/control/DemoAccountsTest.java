package dev.tandem.ledger.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.AccountDetails;
import dev.tandem.ledger.entity.Account;
import dev.tandem.ledger.entity.LedgerId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    @Test
    void opensFiftyAccountsPerLedgerRoutedToThatLedger() {
        for (LedgerId ledger : LedgerId.values()) {
            var accounts = DemoAccounts.of(ledger).stream().map(Account::details).toList();

            assertThat(accounts).hasSize(50);
            assertThat(accounts).extracting(AccountDetails::ledger).containsOnly(ledger.name());
            assertThat(accounts.get(0).id()).isEqualTo(ledger + "-0001");
            assertThat(accounts.get(49).id()).isEqualTo(ledger + "-0050");
            assertThat(accounts).extracting(AccountDetails::balance).containsOnly(new BigDecimal("1000.00"));
        }
    }

    @Test
    void keepsEveryTenthAccountInDollars() {
        var accounts = DemoAccounts.of(LedgerId.B).stream().map(Account::details).toList();

        assertThat(accounts).filteredOn(account -> account.currency().equals("USD"))
                .extracting(AccountDetails::id)
                .containsExactly("B-0010", "B-0020", "B-0030", "B-0040", "B-0050");
    }

    @Test
    void routesAccountIdsByTheirLedgerLetter() {
        assertThat(LedgerId.ofAccount("A-0001")).contains(LedgerId.A);
        assertThat(LedgerId.ofAccount("B-77")).contains(LedgerId.B);
        assertThat(LedgerId.ofAccount("C-0001")).isEmpty();
        assertThat(LedgerId.ofAccount("A0001")).isEmpty();
        assertThat(LedgerId.ofAccount(null)).isEmpty();
    }
}
