package dev.tandem.metrics.control;

import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferStatus;
import dev.tandem.events.entity.TransferEvent;
import dev.tandem.transfer.control.EngineAdmission;
import dev.tandem.transfer.control.TransferLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Tandem's metrics, one registry for the application, scraped in the Prometheus text format
 * ({@code GET /tandem/api/metrics}).
 * <ul>
 * <li>{@code tandem_transfers_seconds{entry,outcome,currency}}: transfers applied at each entry point, timed
 * to the end of their transaction; {@code tandem_acceptances_seconds{entry,outcome,currency}}: transfers accepted
 * for the queue;
 * {@code tandem_queue_delay_seconds}: from a request's send to the commit of its settlement.</li>
 * <li>{@code tandem_transfer_events_total{kind,transaction}}: transfer events by how their transaction
 * ended, counted after it ended; {@code tandem_transactions_heuristic_total},
 * {@code tandem_transactions_outcome_unknown_total}; {@code tandem_alerts_total{outcome}}.</li>
 * <li>{@code tandem_transfers_in_flight}; {@code tandem_transfer_records{status}}, read from the registry
 * at each scrape, so that it survives a restart; {@code tandem_queue_messages{queue}}, the request, invalid and
 * dead-letter queues' depths; {@code tandem_ledger_connections{pool,state}}, the ledger pools' connections in use
 * and idle ({@link LedgerPools}); the JVM's memory, threads, collections and CPU.</li>
 * </ul>
 */
@ApplicationScoped
public class TransferMetrics {

    private static final Logger LOG = Logger.getLogger(TransferMetrics.class.getName());

    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofMinutes(1), Duration.ofMinutes(5)};
    private static final String OTHER_CURRENCY = "other";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics collections = new JvmGcMetrics();
    private final LedgerPools pools = new LedgerPools();
    private final EngineAdmission admission;
    private final ScrapeReadings readings;

    private Timer queueDelay;
    private Counter heuristic;
    private Counter outcomeUnknown;
    private Counter alertsSent;
    private Counter alertsFailed;
    private MultiGauge records;
    private MultiGauge queues;
    private MultiGauge connections;

    /**
     * Constructor injection, not field injection: Payara skips a CDI bean's field injection when no Jakarta EE
     * component is current on the thread that creates it, and an after-completion observer may be the first.
     */
    @Inject
    public TransferMetrics(EngineAdmission admission, ScrapeReadings readings) {
        this.admission = admission;
        this.readings = readings;
    }

    /** For the CDI client proxy only. */
    protected TransferMetrics() {
        this(null, null);
    }

    @PostConstruct
    void register() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        collections.bindTo(registry);
        Gauge.builder("tandem.transfers.in.flight", admission, EngineAdmission::inFlight)
                .description("calls into the transfer engine that have not ended").register(registry);
        records = MultiGauge.builder("tandem.transfer.records")
                .description("transfers recorded in the registry (ledger A), by status, read at each scrape").register(registry);
        queues = MultiGauge.builder("tandem.queue.messages")
                .description("messages waiting on Tandem's queues, counted at each scrape").register(registry);
        connections = MultiGauge.builder("tandem.ledger.connections")
                .description("the ledger pools' connections, in use and idle, as the server reports them at each scrape")
                .register(registry);
        queueDelay = latency(Timer.builder("tandem.queue.delay")
                .description("from the send of a queued request to the commit of its settlement"));
        heuristic = Counter.builder("tandem.transactions.heuristic")
                .description("transactions whose resources did not all reach the same outcome").register(registry);
        outcomeUnknown = Counter.builder("tandem.transactions.outcome.unknown")
                .description("transactions whose commit failed part-way, completed later by the transaction manager")
                .register(registry);
        alertsSent = alert("sent");
        alertsFailed = alert("failed");
        for (String kind : new String[] {"accepted", "completed", "rejected"}) {
            events(kind, "committed");
            events(kind, "rolled_back");
        }
    }

    @PreDestroy
    void close() {
        collections.close();
        registry.close();
    }

    /** The metrics in the Prometheus text format, with what the ledgers and the broker hold read now. */
    public String scrape() {
        read(records, () -> tagged("status", everyStatus(readings.transfersByStatus())));
        read(queues, () -> tagged("queue", readings.queueDepths()));
        read(connections, pools::connections);
        return registry.scrape();
    }

    /** Sets a gauge's rows to what {@code reading} finds, or drops them if it fails: no stale figures. */
    private static void read(MultiGauge gauge, Supplier<Map<Tags, Long>> reading) {
        try {
            gauge.register(reading.get().entrySet().stream()
                    .map(count -> MultiGauge.Row.of(count.getKey(), count.getValue()))
                    .collect(Collectors.toList()), true);
        } catch (EJBException | PersistenceException | JMSRuntimeException unreachable) {
            gauge.register(List.of(), true);
            LOG.log(Level.FINE, "A gauge not read for the metrics", unreachable);
        }
    }

    private static Map<Tags, Long> tagged(String tag, Map<?, Long> counts) {
        var tagged = new LinkedHashMap<Tags, Long>();
        counts.forEach((key, count) -> tagged.put(Tags.of(tag, key.toString()), count));
        return tagged;
    }

    /** What a call into the engine did: the two timers of the transfer metrics. */
    public enum Call {
        /** applied a transfer: {@code tandem_transfers_seconds} */
        TRANSFER("tandem.transfers", "transfers applied, by entry point and outcome, timed to the end of their transaction"),
        /** accepted a transfer for the queue: {@code tandem_acceptances_seconds} */
        ACCEPTANCE("tandem.acceptances", "transfers accepted for the queue, by entry point and outcome, timed to the end of"
                + " their transaction");

        private final String meter;
        private final String description;

        Call(String meter, String description) {
            this.meter = meter;
            this.description = description;
        }
    }

    /** Starts timing a call into the engine, for {@link #ended}. */
    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** A call into the engine at {@code entry}, timed from {@code started} to the end of its transaction. */
    public void ended(Call call, Entry entry, Timer.Sample started, Outcome outcome, String currency) {
        started.stop(latency(Timer.builder(call.meter).description(call.description)
                .tags("entry", entry.tag(), "outcome", outcome.tag(), "currency", currencyTag(currency))));
        if (outcome == Outcome.OUTCOME_UNKNOWN) {
            outcomeUnknown.increment();
        }
    }

    /**
     * Starts timing the delivery of a queued request sent at {@code sent} (null if unknown); the result is to
     * be registered with the delivery's transaction.
     */
    public QueuedSettlement delivered(Instant sent) {
        return new QueuedSettlement(this, start(), sent);
    }

    /** A queued request sent at {@code sent} whose settlement committed now. */
    void settledAfterQueueing(Instant sent) {
        queueDelay.record(Duration.between(sent, Instant.now()));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransferEvent event) {
        events(event.kind(), "committed").increment();
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) TransferEvent event) {
        events(event.kind(), "rolled_back").increment();
    }

    /**
     * The transaction manager reported that a transfer's resources did not all reach the same outcome
     * (some committed, some rolled back): counted, and logged as loudly as anything Tandem logs.
     */
    public void heuristicOutcome(UUID transferId, TraceContext trace, Throwable reported) {
        heuristic.increment();
        LOG.log(Level.SEVERE, "HEURISTIC OUTCOME for " + TransferLog.subject(transferId, trace) + ": its resources did not all reach the same"
                + " outcome. Check it with ./tandem verify and GET /transfers/" + transferId + "; the transaction log under"
                + " the domain's logs/tx holds the details.", reported);
    }

    public void alertSent() {
        alertsSent.increment();
    }

    public void alertFailed() {
        alertsFailed.increment();
    }

    /** The counts of {@code GET /transfers/counters}, by name, since the server started. */
    public Map<String, Long> counters() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("accepted", count(events("accepted", "committed")));
        counts.put("completed", count(events("completed", "committed")));
        counts.put("rejected", count(events("rejected", "committed")));
        counts.put("rolledBack", count(events("accepted", "rolled_back")) + count(events("completed", "rolled_back"))
                + count(events("rejected", "rolled_back")));
        counts.put("alertsSent", count(alertsSent));
        counts.put("alertsFailed", count(alertsFailed));
        counts.put("heuristic", count(heuristic));
        counts.put("outcomeUnknown", count(outcomeUnknown));
        return counts;
    }

    private Timer latency(Timer.Builder timer) {
        return timer.serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    private Counter events(String kind, String transaction) {
        return Counter.builder("tandem.transfer.events")
                .description("transfer events by kind and by how their transaction ended, counted once it ended")
                .tags("kind", kind, "transaction", transaction).register(registry);
    }

    private Counter alert(String outcome) {
        return Counter.builder("tandem.alerts").description("large-transfer alerts posted to the webhook, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static long count(Counter counter) {
        return (long) counter.count();
    }

    /** An ISO 4217 code as it is, anything else as one tag value: a tag's values must stay few. */
    static String currencyTag(String currency) {
        if (currency == null) {
            return OTHER_CURRENCY;
        }
        try {
            return Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode().equals(currency) ? currency : OTHER_CURRENCY;
        } catch (IllegalArgumentException notIso) {
            return OTHER_CURRENCY;
        }
    }

    /** For the registry's status counts: every status, zero where there is none. */
    static Map<TransferStatus, Long> everyStatus(Map<TransferStatus, Long> counted) {
        var all = new LinkedHashMap<TransferStatus, Long>();
        for (TransferStatus status : TransferStatus.values()) {
            all.put(status, counted.getOrDefault(status, 0L));
        }
        return all;
    }
}
