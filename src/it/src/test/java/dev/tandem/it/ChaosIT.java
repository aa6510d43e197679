package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.it.Processes.Run;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short randomized fault schedule, as a user runs it ({@code ./tandem chaos}, real ledgers only): the
 * server, the broker, PostgreSQL and MariaDB are killed, paused and restarted at random while transfers flow
 * through REST, remote EJB and JMS, and the bank checker finds nothing wrong. The long runs are on request
 * (docs/reliability.md). Afterwards every account is brought back to its balance before the run, for the
 * test classes that follow.
 */
@ExtendWith(ConservationCheck.class)
class ChaosIT {

    private static final String MINUTES = System.getProperty("tandem.it.chaos.minutes", "1.5");

    @Test
    void aRandomFaultScheduleLeavesNoAnomaly() throws Exception {
        Map<String, BigDecimal> before = Tandem.balancesOfAllAccounts();
        long seed = System.nanoTime();

        Run chaos = Tandem.launcher(Duration.ofMinutes(20), "chaos", "--minutes", MINUTES, "--seed", String.valueOf(seed));
        System.out.println(chaos.output());
        restore(before);

        assertThat(chaos.exitCode()).as("exit status of ./tandem chaos (seed %d):%n%s", seed, chaos.output()).isZero();
        assertThat(chaos.output()).contains("No anomalies");
        Matcher faults = Pattern.compile("Fault schedule \\((\\d+) faults\\)").matcher(chaos.output());
        assertThat(faults.find()).as(chaos.output()).isTrue();
        assertThat(Integer.parseInt(faults.group(1))).as("faults injected").isPositive();
        for (String entrance : List.of("REST ", "REST_ASYNC ", "EJB ", "JMS ")) {
            assertThat(chaos.output()).as("transfers through %s", entrance).containsPattern("(?m)^  " + entrance + "\\s*\\{.*(COMPLETED|ACCEPTED)=[1-9]");
        }
    }

    /** Moves money back from the accounts that gained to those that lost, per currency, until every balance is as before. */
    private static void restore(Map<String, BigDecimal> before) throws Exception {
        Map<String, BigDecimal> now = Tandem.balancesOfAllAccounts();
        Map<String, String> currencies = new HashMap<>();
        Tandem.CLIENT.accounts().forEach(account -> currencies.put(account.id(), account.currency()));
        var gained = new ArrayList<String>();
        var lost = new ArrayList<String>();
        now.forEach((account, balance) -> {
            int change = balance.compareTo(before.get(account));
            (change > 0 ? gained : change < 0 ? lost : new ArrayList<String>()).add(account);
        });
        for (String to : lost) {
            for (String from : gained) {
                BigDecimal missing = before.get(to).subtract(now.get(to));
                BigDecimal surplus = now.get(from).subtract(before.get(from));
                if (missing.signum() <= 0 || surplus.signum() <= 0 || !currencies.get(from).equals(currencies.get(to))) {
                    continue;
                }
                BigDecimal amount = missing.min(surplus);
                var outcome = Tandem.CLIENT.transfer(new TransferRequest(UUID.randomUUID(), from, to, amount, currencies.get(to)));
                assertThat(outcome.status()).as("restoring %s from %s", to, from).isEqualTo(TransferStatus.COMPLETED);
                now.put(from, now.get(from).subtract(amount));
                now.put(to, now.get(to).add(amount));
            }
        }
        assertThat(Tandem.balancesOfAllAccounts()).as("balances restored").isEqualTo(before);
    }
}
