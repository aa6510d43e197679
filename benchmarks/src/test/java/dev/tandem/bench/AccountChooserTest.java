package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.LedgerSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountChooserTest {

    private static final List<String> LEDGER_A = Floor.accounts("A");
    private static final List<String> LEDGER_B = Floor.accounts("B");
    private static final int DRAWS = 20_000;

    @Test
    void crossLedgerTransfersGoFromOneLedgerToTheOtherInBothDirections() {
        Map<String, Integer> directions = count(AccountChoice.UNIFORM, LedgerSpan.CROSS, pair -> pair[0].charAt(0) + ">" + pair[1].charAt(0));
        assertThat(directions.keySet()).containsExactlyInAnyOrder("A>B", "B>A");
        assertThat(directions.get("A>B")).isBetween(DRAWS * 45 / 100, DRAWS * 55 / 100);
    }

    @Test
    void sameLedgerTransfersStayInOneLedgerBetweenTwoAccounts() {
        Map<String, Integer> ledgers = count(AccountChoice.UNIFORM, LedgerSpan.SAME, pair -> {
            assertThat(pair[0]).isNotEqualTo(pair[1]);
            return pair[0].charAt(0) + ">" + pair[1].charAt(0);
        });
        assertThat(ledgers.keySet()).containsExactlyInAnyOrder("A>A", "B>B");
    }

    @Test
    void onePairIsEveryTransferBetweenTheSameTwoAccounts() {
        Map<String, Integer> pairs = count(AccountChoice.PAIR, LedgerSpan.CROSS, pair -> pair[0] + ">" + pair[1]);
        assertThat(pairs.keySet()).containsExactlyInAnyOrder("A-0001>B-0001", "B-0001>A-0001");
    }

    @Test
    void zipfSkewGivesTheTopFiveAccountsAboutHalfOfAllTransfers() {
        Map<String, Integer> sources = count(AccountChoice.ZIPF, LedgerSpan.CROSS, pair -> pair[0].substring(2));
        int topFive = List.of("0001", "0002", "0003", "0004", "0005").stream().mapToInt(n -> sources.getOrDefault(n, 0)).sum();
        assertThat(topFive).isBetween(DRAWS * 40 / 100, DRAWS * 60 / 100);
        assertThat(sources.get("0001")).isGreaterThan(sources.get("0002")).isGreaterThan(5 * sources.getOrDefault("0045", 0));
    }

    private static Map<String, Integer> count(AccountChoice choice, LedgerSpan span, java.util.function.Function<String[], String> key) {
        var chooser = new AccountChooser(LEDGER_A, LEDGER_B, choice, span);
        var random = new SplittableRandom(42);
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(key.apply(chooser.next(random)), 1, Integer::sum);
        }
        return counts;
    }
}
