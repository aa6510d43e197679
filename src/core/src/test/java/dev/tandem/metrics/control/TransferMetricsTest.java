package dev.tandem.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferStatus;
import dev.tandem.metrics.control.TransferMetrics.Call;
import dev.tandem.transfer.control.EngineAdmission;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferMetricsTest {

    private final EngineAdmission admission = new EngineAdmission();
    private final TransferMetrics metrics = new TransferMetrics(admission, new ScrapeReadings() {
        @Override
        public Map<TransferStatus, Long> transfersByStatus() {
            return Map.of(TransferStatus.COMPLETED, 7L, TransferStatus.REJECTED, 2L);
        }

        @Override
        public Map<String, Long> queueDepths() {
            throw new JMSRuntimeException("the broker is down");
        }
    });

    @BeforeEach
    void register() {
        metrics.register();
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void aCallIsCountedAndTimedByEntryOutcomeAndCurrency() {
        metrics.ended(Call.TRANSFER, Entry.REST, metrics.start(), Outcome.COMPLETED, "EUR");
        metrics.ended(Call.TRANSFER, Entry.REST, metrics.start(), Outcome.COMPLETED, "EUR");
        metrics.ended(Call.ACCEPTANCE, Entry.EJB, metrics.start(), Outcome.PENDING, "USD");

        String scraped = metrics.scrape();

        assertThat(scraped)
                .contains("tandem_transfers_seconds_count{currency=\"EUR\",entry=\"rest\",outcome=\"completed\"} 2")
                .contains("tandem_transfers_seconds_bucket{currency=\"EUR\",entry=\"rest\",outcome=\"completed\",le=\"0.005\"}")
                .contains("tandem_acceptances_seconds_count{currency=\"USD\",entry=\"ejb\",outcome=\"pending\"} 1")
                .doesNotContain("entry=\"queue\"");
    }

    @Test
    void theRegistrysCountsAreReadAtEachScrapeEveryStatusIncludedAndWhatCannotBeReadIsLeftOut() {
        assertThat(metrics.scrape())
                .contains("tandem_transfer_records{status=\"COMPLETED\"} 7")
                .contains("tandem_transfer_records{status=\"REJECTED\"} 2")
                .contains("tandem_transfer_records{status=\"PENDING\"} 0")
                .as("a queue that cannot be read is left out, not shown stale").doesNotContain("tandem_queue_messages{");
    }

    @Test
    void aQueuedDeliveryCountsWhenItsTransactionCommitsAndAsFailedWhenItRollsBack() {
        QueuedSettlement committed = metrics.delivered(Instant.now().minusSeconds(3));
        committed.ended(Outcome.COMPLETED, "EUR");
        committed.afterCompletion(Status.STATUS_COMMITTED);
        QueuedSettlement rolledBack = metrics.delivered(Instant.now());
        rolledBack.ended(Outcome.COMPLETED, "EUR");
        rolledBack.afterCompletion(Status.STATUS_ROLLEDBACK);

        assertThat(metrics.scrape())
                .contains("tandem_transfers_seconds_count{currency=\"EUR\",entry=\"queue\",outcome=\"completed\"} 1")
                .contains("tandem_transfers_seconds_count{currency=\"EUR\",entry=\"queue\",outcome=\"failed\"} 1")
                .contains("tandem_queue_delay_seconds_count 1")
                .contains("tandem_queue_delay_seconds_bucket{le=\"2.5\"} 0")
                .contains("tandem_queue_delay_seconds_bucket{le=\"5.0\"} 1");
    }

    @Test
    void anUnknownOutcomeIsCountedAsSuch() {
        metrics.ended(Call.TRANSFER, Entry.EJB, metrics.start(), Outcome.OUTCOME_UNKNOWN, "EUR");

        assertThat(metrics.counters()).containsEntry("outcomeUnknown", 1L).containsEntry("heuristic", 0L);
        assertThat(metrics.scrape()).contains("tandem_transactions_outcome_unknown_total 1");
    }

    @Test
    void inFlightCallsAreAGauge() {
        admission.enter();
        assertThat(metrics.scrape()).contains("tandem_transfers_in_flight 1");
        admission.leave();
        assertThat(metrics.scrape()).contains("tandem_transfers_in_flight 0");
    }

    @Test
    void aCurrencyTagIsAnIsoCodeOrOther() {
        assertThat(TransferMetrics.currencyTag("EUR")).isEqualTo("EUR");
        assertThat(TransferMetrics.currencyTag("eur")).isEqualTo("other");
        assertThat(TransferMetrics.currencyTag("XQZ")).isEqualTo("other");
        assertThat(TransferMetrics.currencyTag(null)).isEqualTo("other");
    }
}
