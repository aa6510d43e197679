package dev.tandem.client.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.chaos.BankChecker.Balance;
import dev.tandem.client.chaos.BankChecker.Verified;
import dev.tandem.client.chaos.History.Attempt;
import dev.tandem.client.chaos.History.Entrance;
import dev.tandem.client.chaos.History.Fault;
import dev.tandem.client.chaos.History.Outcome;
import dev.tandem.client.chaos.History.TotalsRead;
import dev.tandem.client.chaos.History.Told;
import dev.tandem.client.jms.PreparedOnBroker.PreparedTransaction;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankCheckerTest {

    private static final Map<String, Balance> OPENING = Map.of("A-0001", eur("100.00"), "B-0001", eur("100.00"), "A-0010", usd("50.00"));

    private final Map<UUID, Outcome> outcomes = new HashMap<>();

    @Test
    void aHistoryAsToldPasses() {
        Attempt sync = attempt(Entrance.REST, Told.COMPLETED, "A-0001", "B-0001", "10.00", 1_000, 1_100, 1_100);
        Attempt queued = attempt(Entrance.JMS, Told.ACCEPTED, "B-0001", "A-0001", "4.00", 2_000, 2_001, 0);
        Attempt unavailable = attempt(Entrance.EJB, Told.UNAVAILABLE, "A-0001", "B-0001", "1.00", 3_000, 3_005, 0);
        recorded(sync, "COMPLETED", 1_050);
        recorded(queued, "COMPLETED", 2_500);
        var closing = Map.of("A-0001", eur("94.00"), "B-0001", eur("106.00"), "A-0010", usd("50.00"));

        assertThat(checker(sync, queued, unavailable).outcomesAsTold().appliedOnce(OPENING, closing).conserved(OPENING, closing)
                .appliedInOrderSent().verified(new Verified(List.of(), 0, 0, 0)).anomalies()).isEmpty();
    }

    @Test
    void anOutcomeOtherThanToldIsAnAnomaly() {
        Attempt completed = attempt(Entrance.REST, Told.COMPLETED, "A-0001", "B-0001", "10.00", 1_000, 1_100, 1_100);
        Attempt unavailable = attempt(Entrance.EJB, Told.UNAVAILABLE, "A-0001", "B-0001", "1.00", 3_000, 3_005, 0);
        Attempt accepted = attempt(Entrance.REST_ASYNC, Told.ACCEPTED, "A-0001", "B-0001", "1.00", 3_000, 3_005, 0);
        recorded(completed, "REJECTED", 1_050);
        recorded(unavailable, "COMPLETED", 3_004);

        assertThat(checker(completed, unavailable, accepted).outcomesAsTold().anomalies()).hasSize(3)
                .anySatisfy(anomaly -> assertThat(anomaly).contains(completed.id().toString(), "told COMPLETED but is REJECTED"))
                .anySatisfy(anomaly -> assertThat(anomaly).contains(unavailable.id().toString(), "told UNAVAILABLE but is COMPLETED"))
                .anySatisfy(anomaly -> assertThat(anomaly).contains(accepted.id().toString(), "told ACCEPTED but is absent"));
    }

    @Test
    void moneyAppliedTwiceOrInventedIsFoundPerAccountAndCurrency() {
        Attempt transfer = attempt(Entrance.REST, Told.COMPLETED, "A-0001", "B-0001", "10.00", 1_000, 1_100, 1_100);
        recorded(transfer, "COMPLETED", 1_050);
        var twice = Map.of("A-0001", eur("80.00"), "B-0001", eur("120.00"), "A-0010", usd("50.00"));
        var invented = Map.of("A-0001", eur("90.00"), "B-0001", eur("110.00"), "A-0010", usd("50.01"));

        assertThat(checker(transfer).appliedOnce(OPENING, twice).conserved(OPENING, twice).anomalies())
                .containsExactly("account A-0001 changed by -20.00, its completed transfers by -10.00",
                        "account B-0001 changed by 20.00, its completed transfers by 10.00");
        assertThat(checker(transfer).appliedOnce(OPENING, invented).conserved(OPENING, invented).anomalies())
                .containsExactly("account A-0010 changed by 0.01, its completed transfers by 0",
                        "money not conserved: {EUR=200, USD=50} before, {EUR=200, USD=50.01} after");
    }

    @Test
    void queuedTransfersFromOneAccountAppliedOutOfOrderAreFound() {
        Attempt first = attempt(Entrance.JMS, Told.ACCEPTED, "A-0001", "B-0001", "1.00", 1_000, 1_001, 0, 1);
        Attempt other = attempt(Entrance.JMS, Told.ACCEPTED, "B-0001", "A-0001", "1.00", 1_002, 1_003, 0, 2);
        Attempt second = attempt(Entrance.JMS, Told.ACCEPTED, "A-0001", "B-0001", "2.00", 1_004, 1_005, 0, 3);
        recorded(first, "COMPLETED", 5_000);
        recorded(other, "COMPLETED", 1_500);
        recorded(second, "REJECTED", 4_000);

        assertThat(checker(first, other, second).appliedInOrderSent().anomalies())
                .containsExactly("from A-0001, transfer %s was applied (at 4000) before %s (at 5000), which was sent earlier".formatted(second.id(), first.id()));
    }

    @Test
    void aReadMayBeOffByTheTransfersInFlightOnlyAndNotAtAllWhileAFaultIsUnsettled() {
        Attempt inFlight = attempt(Entrance.REST, Told.COMPLETED, "A-0001", "B-0001", "10.00", 1_000, 2_000, 2_000);
        Attempt queued = attempt(Entrance.JMS, Told.ACCEPTED, "A-0001", "B-0001", "5.00", 1_000, 1_001, 0);
        recorded(inFlight, "COMPLETED", 1_500);
        recorded(queued, "COMPLETED", 1_600);
        var offByTen = Map.of("EUR", new BigDecimal("190"), "USD", new BigDecimal("50"));
        var offByTwenty = Map.of("EUR", new BigDecimal("180"), "USD", new BigDecimal("50"));
        var exact = Map.of("EUR", new BigDecimal("200.00"), "USD", new BigDecimal("50"));
        List<TotalsRead> reads = List.of(
                new TotalsRead(1_400, 1_600, offByTen),
                new TotalsRead(1_400, 1_600, offByTwenty),
                new TotalsRead(9_000, 9_100, offByTen),
                new TotalsRead(9_000, 9_100, exact),
                new TotalsRead(20_100, 20_200, offByTwenty));
        List<Fault> faults = List.of(new Fault("kill broker", 20_000, 25_000, 26_000));

        // the queued one's caller never learnt its outcome: it counts as in flight until the end (30 000)
        assertThat(checker(inFlight, queued).readsWithinTransfersInFlight(reads, faults, OPENING, 30_000).anomalies())
                .containsExactly("a read of the totals at 1400 showed 180 EUR, off by 20; transfers in flight allow 15.00",
                        "a read of the totals at 9000 showed 190 EUR, off by 10; transfers in flight allow 5.00");
    }

    @Test
    void anAsynchronousOutcomeCountsAsInFlightForAMomentAfterItsCallerLearntIt() {
        Attempt queued = attempt(Entrance.REST_ASYNC, Told.ACCEPTED, "A-0001", "B-0001", "5.00", 1_000, 1_001, 3_000);
        recorded(queued, "COMPLETED", 2_900);
        var offByFive = Map.of("EUR", new BigDecimal("195"), "USD", new BigDecimal("50"));
        long withinGrace = 3_000 + BankChecker.IN_FLIGHT_GRACE_MILLIS - 1;

        assertThat(checker(queued).readsWithinTransfersInFlight(List.of(new TotalsRead(withinGrace, withinGrace + 10, offByFive),
                new TotalsRead(withinGrace + 2, withinGrace + 10, offByFive)), List.of(), OPENING, 30_000).anomalies()).hasSize(1);
    }

    @Test
    void whatVerifyFoundAndWhatWasLeftAreAnomalies() {
        assertThat(checker().verified(new Verified(List.of("ledger A is off"), 1, 2, 3)).anomalies()).containsExactly(
                "verify: ledger A is off", "1 prepared branch(es) left in the ledgers", "2 request(s) still queued",
                "3 request(s) on the dead-letter queue");
    }

    @Test
    void aTransactionLeftPreparedOnTheBrokerIsAnAnomalyNamingItsTransfers() {
        assertThat(checker().nothingPreparedOnBroker(List.of()).anomalies()).isEmpty();
        assertThat(checker().nothingPreparedOnBroker(List.of(new PreparedTransaction("eGlk", List.of("18b1be22-4cdb-4ca6-8c2f-2edc4e70dc05"))))
                .anomalies()).containsExactly("prepared on the broker and never completed: XID eGlk, transfer(s) [18b1be22-4cdb-4ca6-8c2f-2edc4e70dc05]");
    }

    private BankChecker checker(Attempt... attempts) {
        return new BankChecker(List.of(attempts), outcomes);
    }

    private void recorded(Attempt attempt, String status, long completedAt) {
        outcomes.put(attempt.id(), new Outcome(attempt.id(), status, completedAt));
    }

    private static Attempt attempt(Entrance entrance, Told told, String from, String to, String amount, long started, long answered,
                                   long settled) {
        return attempt(entrance, told, from, to, amount, started, answered, settled, 0);
    }

    private static Attempt attempt(Entrance entrance, Told told, String from, String to, String amount, long started, long answered,
                                   long settled, long sequence) {
        return new Attempt(UUID.randomUUID(), entrance, from, to, new BigDecimal(amount), RandomTransfers.currency(from), started, answered,
                told, sequence, settled);
    }

    private static Balance eur(String amount) {
        return new Balance("EUR", new BigDecimal(amount));
    }

    private static Balance usd(String amount) {
        return new Balance("USD", new BigDecimal(amount));
    }
}
