package dev.tandem.client.chaos;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.client.BrokerOptions;
import dev.tandem.client.Credentials;
import dev.tandem.client.RestEndpoint;
import dev.tandem.client.RestTransferService;
import dev.tandem.client.chaos.BankChecker.Balance;
import dev.tandem.client.chaos.BankChecker.Verified;
import dev.tandem.client.chaos.History.Attempt;
import dev.tandem.client.chaos.History.Fault;
import dev.tandem.client.chaos.History.Outcome;
import dev.tandem.client.jms.Broker;
import dev.tandem.client.jms.PreparedOnBroker;
import jakarta.jms.JMSException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem chaos}: transfers on every entry point and reads of the balances while a nemesis kills,
 * pauses and restarts the server, the broker and (real ledgers) both database servers at random; then
 * {@link BankChecker} checks the history. Exit status 0 if it found nothing wrong, 1 otherwise. It must be
 * the only client moving money while it runs.
 */
@Command(name = "chaos", description = "Transfers through random faults of every process, then a bank checker; exit 1 on any anomaly.")
public class ChaosCommand implements Callable<Integer> {

    private static final Duration QUIET_WITHIN = Duration.ofMinutes(5);
    private static final int SHOWN_ANOMALIES = 50;

    @Option(names = "--minutes", defaultValue = "10", description = "how long the faults go on (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--seed", description = "the seed of the fault schedule and the transfers (default: random; printed)")
    Long seed;

    @Option(names = "--rest-clients", defaultValue = "2", description = "synchronous REST callers (default: ${DEFAULT-VALUE})")
    int restClients;

    @Option(names = "--faults-on", split = ",", description = "the processes to fault, of server, broker, postgresql, mariadb"
            + " (default: all that run; the databases with --db real, as root); none for a run without faults")
    List<String> faultsOn;

    @Mixin
    RestEndpoint endpoint;

    @Mixin
    BrokerOptions brokerOptions;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        long theSeed = seed != null ? seed : new Random().nextLong();
        Path secrets = Path.of(environment("TANDEM_SECRETS"));
        var teller = new RestTransferService(endpoint.url(), Credentials.fromSecrets(secrets, "teller"));
        Credentials operatorCredentials = Credentials.fromSecrets(secrets, "operator");
        var operator = new RestTransferService(endpoint.url(), operatorCredentials);
        List<Target> targets = targets();
        System.out.printf("Chaos run of %.1f min, seed %d; faults on %s%n", minutes, theSeed,
                targets.isEmpty() ? "nothing" : String.join(", ", targets.stream().map(Target::name).toList()));
        if (!ready(teller)) {
            System.out.println("Tandem is not ready: ./tandem start first");
            return 1;
        }
        Verified before = verified(operator);
        if (!before.findings().isEmpty() || before.queuedRequests() > 0) {
            System.out.println("verify is not clean before the run: " + before);
            return 1;
        }
        Map<String, Balance> opening = balances(teller);

        var history = new History();
        long end = System.currentTimeMillis() + (long) (minutes * 60_000);
        var workload = new Workload(history, teller, brokerOptions.broker().connectionFactory(), end, theSeed);
        workload.start(restClients, ejbCallerCommand(end, theSeed));
        var anomalies = new ArrayList<String>();
        var brokerTransactions = new PreparedOnBroker(new Broker(brokerOptions.broker().url(), operatorCredentials.user(),
                operatorCredentials.password()));
        var nemesis = new Nemesis(targets, theSeed, history, () -> ready(teller), () -> nothingInDoubt(operator, brokerTransactions, verified -> true));
        try {
            nemesis.run(end);
        } catch (RuntimeException e) {
            anomalies.add("the nemesis could not go on: " + e.getMessage());
        } finally {
            for (Target target : targets) {
                target.ensureRunning();
            }
        }
        workload.awaitEnd();
        long runEnd = System.currentTimeMillis();
        if (!Waiting.until(() -> ready(teller) && nothingInDoubt(operator, brokerTransactions, verified -> verified.queuedRequests() == 0), QUIET_WITHIN)) {
            anomalies.add("Tandem did not come to rest (ready, nothing queued, nothing in doubt) within " + QUIET_WITHIN);
        }

        List<Attempt> attempts = history.attempts();
        Map<UUID, Outcome> outcomes = outcomes(teller, attempts);
        Map<String, Balance> closing = balances(teller);
        Verified after = verified(operator);
        List<Fault> faults = List.copyOf(history.faults);
        anomalies.addAll(new BankChecker(attempts, outcomes).outcomesAsTold().appliedOnce(opening, closing).conserved(opening, closing)
                .appliedInOrderSent().readsWithinTransfersInFlight(List.copyOf(history.reads), faults, opening, runEnd).verified(after)
                .nothingPreparedOnBroker(brokerTransactions.list()).anomalies());
        history.negativeBalances.forEach(read -> anomalies.add("negative balance: " + read));
        anomalies.addAll(history.clientFailures);
        report(history, attempts, outcomes, faults, anomalies, runEnd);
        return anomalies.isEmpty() ? 0 : 1;
    }

    /**
     * The processes the nemesis may fault: the ledgers' database servers on the real profile, the broker, the
     * server; the databases and broker first, since they are started again in this order.
     */
    private List<Target> targets() {
        boolean realLedgers = "real".equals(System.getenv("TANDEM_DB"));
        List<String> wanted = faultsOn != null ? faultsOn
                : realLedgers ? List.of("postgresql", "mariadb", "broker", "server") : List.of("broker", "server");
        var targets = new ArrayList<Target>();
        Path launcher = Path.of(environment("TANDEM_LAUNCHER"));
        for (String name : wanted) {
            switch (name) {
                case "postgresql", "mariadb" -> {
                    if (!realLedgers) {
                        throw new IllegalStateException("the embedded ledgers run inside the server: fault the server instead of " + name);
                    }
                    if (!"root".equals(System.getProperty("user.name"))) {
                        throw new IllegalStateException("faults of the database servers need root; run as root or with --faults-on server,broker");
                    }
                    targets.add(name.equals("postgresql") ? Target.postgreSql() : Target.mariaDb());
                }
                case "broker" -> targets.add(Target.tandems("broker", Path.of(environment("TANDEM_BROKER_PID_FILE")), launcher));
                case "server" -> targets.add(Target.tandems("server", Path.of(environment("TANDEM_SERVER_PID_FILE")), launcher));
                case "none" -> { }
                default -> throw new IllegalArgumentException("--faults-on: no process called " + name);
            }
        }
        return targets;
    }

    /** The remote EJB caller's JVM, or {@code null} if ./tandem did not say how to run it. */
    private static List<String> ejbCallerCommand(long end, long seed) {
        String classpath = System.getenv("TANDEM_EJB_CLASSPATH");
        if (classpath == null) {
            return null;
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getenv().getOrDefault("TANDEM_EJB_JVM_OPTIONS", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classpath, EjbCaller.class.getName(), environment("TANDEM_EJB_URL"), String.valueOf(end),
                String.valueOf(seed + 1)));
        return command;
    }

    /** Tandem answers, and its readiness (both ledgers, the broker) is UP. */
    private boolean ready(RestTransferService teller) {
        try {
            teller.totals();
            var health = http.send(HttpRequest.newBuilder(URI.create(environment("TANDEM_HEALTH_URL"))).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** No prepared branch of Tandem's in the ledgers, and none on the broker. */
    /** No branch in doubt in the ledgers or on the broker, and {@code also} holds of the same verification. */
    private static boolean nothingInDoubt(RestTransferService operator, PreparedOnBroker brokerTransactions, Predicate<Verified> also) {
        try {
            Verified verified = verified(operator);
            return verified.preparedTransactions() == 0 && also.test(verified) && brokerTransactions.list().isEmpty();
        } catch (RuntimeException | JMSException unavailable) {
            return false;
        }
    }

    private static Verified verified(RestTransferService operator) {
        JsonObject verification = operator.verification();
        JsonObject checked = verification.getJsonObject("checked");
        return new Verified(verification.getJsonArray("findings").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                checked.getJsonNumber("preparedTransactions").longValue(), checked.getJsonNumber("queuedRequests").longValue(),
                checked.getJsonNumber("deadLetters").longValue());
    }

    private static Map<String, Balance> balances(RestTransferService teller) {
        var balances = new TreeMap<String, Balance>();
        for (AccountDetails account : teller.accounts()) {
            balances.put(account.id(), new Balance(account.currency(), account.balance()));
        }
        return balances;
    }

    /** Tandem's record of every transfer tried, fetched by eight callers at once. */
    private static Map<UUID, Outcome> outcomes(RestTransferService teller, List<Attempt> attempts) throws InterruptedException {
        var outcomes = new ConcurrentHashMap<UUID, Outcome>();
        ExecutorService fetchers = Executors.newFixedThreadPool(8);
        for (Attempt attempt : attempts) {
            fetchers.execute(() -> {
                for (int tries = 1; ; tries++) {
                    try {
                        TransferDetails details = teller.findTransfer(attempt.id());
                        outcomes.put(details.id(), new Outcome(details.id(), details.status().name(),
                                details.completedAt() == null ? 0 : details.completedAt().toEpochMilli()));
                        return;
                    } catch (UnknownTransferException absent) {
                        return;
                    } catch (RuntimeException e) {
                        if (tries == 5) {
                            outcomes.put(attempt.id(), new Outcome(attempt.id(), "unreadable (" + e.getMessage() + ")", 0));
                            return;
                        }
                    }
                }
            });
        }
        fetchers.shutdown();
        if (!fetchers.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("could not fetch the outcomes within 30 minutes");
        }
        return outcomes;
    }

    private static void report(History history, List<Attempt> attempts, Map<UUID, Outcome> outcomes, List<Fault> faults,
                               List<String> anomalies, long runEnd) {
        long start = attempts.stream().mapToLong(Attempt::startedAt).min().orElse(runEnd);
        System.out.printf("%nFault schedule (%d faults):%n", faults.size());
        for (Fault fault : faults) {
            System.out.printf("  %+7.1f s  %-32s ready after %5.1f s, nothing in doubt after %s%n", (fault.startedAt() - start) / 1e3,
                    fault.description(), (fault.healedAt() - fault.startedAt()) / 1e3,
                    fault.settledAt() == 0 ? "(never)" : "%.1f s".formatted((fault.settledAt() - fault.startedAt()) / 1e3));
        }
        System.out.printf("%nTransfers tried: %d; what callers were told, by entry point:%n", attempts.size());
        attempts.stream().collect(groupingBy(Attempt::entrance, TreeMap::new, groupingBy(Attempt::told, TreeMap::new, counting())))
                .forEach((entrance, told) -> System.out.printf("  %-10s %s%n", entrance, told));
        System.out.printf("Outcomes recorded: %s, absent %d%n",
                outcomes.values().stream().collect(groupingBy(Outcome::status, TreeMap::new, counting())),
                attempts.stream().filter(attempt -> !outcomes.containsKey(attempt.id())).count());
        System.out.printf("Reads of all balances: %d%n", history.reads.size());
        if (anomalies.isEmpty()) {
            System.out.println("\nNo anomalies: every outcome as told, nothing applied twice, money conserved per currency,"
                    + " queued transfers applied in the order sent, reads within the transfers in flight, verify clean.");
            return;
        }
        System.out.printf("%n%d ANOMALIES:%n", anomalies.size());
        anomalies.stream().limit(SHOWN_ANOMALIES).forEach(anomaly -> System.out.println("  " + anomaly));
        if (anomalies.size() > SHOWN_ANOMALIES) {
            System.out.printf("  ... and %d more%n", anomalies.size() - SHOWN_ANOMALIES);
        }
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this as ./tandem chaos");
        }
        return value;
    }
}
