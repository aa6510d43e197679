package dev.tandem.bench;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.json.JsonSupport;
import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.Entrance;
import dev.tandem.bench.Workload.LedgerSpan;
import dev.tandem.client.RemoteTransferService;
import dev.tandem.client.RestTransferService;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench}: plans the points (full, {@code --ratios} or {@code --quick}), runs each for a
 * warm-up and a fixed measured window, and writes the report. Exits 1 if a transfer got no outcome, the
 * floor's check fails or Tandem's invariants do not hold afterwards.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures Tandem's entry points against the bare XA floor (see benchmarks/README.md).")
public final class Bench implements Callable<Integer> {

    @Option(names = "--quick", description = "every entry point once, 4 clients, a few seconds each: proves the bench works")
    boolean quick;

    @Option(names = "--ratios", description = "only the points the ratios P1-P3 and the hot-account figures need (a few minutes)")
    boolean ratiosOnly;

    @Option(names = "--queued", description = "only queued transfers (async JMS, cross-ledger) at each --clients count: to compare"
            + " consumers, e.g. with and without workers")
    boolean queuedOnly;

    @Option(names = "--clients", split = ",", description = "concurrent clients per point (default: ${DEFAULT-VALUE})")
    List<Integer> clients = List.of(1, 4, 16, 64);

    @Option(names = "--duration", description = "measured seconds per point (default: ${DEFAULT-VALUE}; --quick: 3)")
    int durationSeconds = 20;

    @Option(names = "--warmup", description = "warm-up seconds per point (default: ${DEFAULT-VALUE}; --quick: 1)")
    int warmupSeconds = 5;

    @Option(names = "--server-warmup", description = "at most this many seconds of load before the first point, in rounds until the"
            + " server's CPU per transfer stops falling: its JIT compiler has done its work (default: ${DEFAULT-VALUE}; --quick: 3)")
    int serverWarmupSeconds = 300;

    @Option(names = "--out", description = "directory for bench.json, bench.html and bench.md (default: var/bench/TIMESTAMP)")
    Path out;

    @Option(names = "--compare-with", description = "bench.json of a run on the other runtime: adds P4, WildFly / Payara")
    Path compareWith;

    @Option(names = "--ejb-client", hidden = true, description = "runs one EJB point in this JVM (the remote EJB client's class path)")
    String ejbClientWorkload;

    /** Narayana reports every start of its recovery manager at INFO: the summary would drown in it. */
    private static final Logger NARAYANA = Logger.getLogger("com.arjuna");

    public static void main(String[] args) {
        NARAYANA.setLevel(Level.WARNING);
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Target target = Target.fromEnvironment();
        if (quick) {
            durationSeconds = 3;
            warmupSeconds = 1;
            serverWarmupSeconds = 3;
        }
        if (ejbClientWorkload != null) {
            return runEjbClient(target, parse(ejbClientWorkload));
        }
        out = out != null ? out : Path.of(System.getenv().getOrDefault("TANDEM_VAR", "var"), "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(out);
        var tandem = new RestTransferService(target.api(), target.operator());
        Durability durability = new Durability()
                .postgres(target.floor().postgresUrl(), target.floor().postgresUser())
                .mariaDb(target.floor().mariaDbUrl(), target.floor().mariaDbUser(), target.floor().mariaDbPassword())
                .broker(target.brokerXml())
                .transactionLog("Tandem's", target.transactionLog())
                .transactionLog("the floor's", target.benchTransactionLog())
                .stated("the floor's transaction log synced on every write", Floor.transactionLogSynced());
        List<Workload> plan = plan();
        System.out.printf("Tandem on %s with %s ledgers: %d points of %d s (+%d s warm-up); durability %s%n", target.runtime(),
                target.ledgers(), plan.size(), durationSeconds, warmupSeconds, durability.comparable() ? "as it should be" : "WEAKENED: "
                        + durability.weakened);

        String server = target.runtime() + " (server JVM)";
        var cpu = new ProcessCpu().pidFile(server, target.serverPidFile())
                .pidFiles("Payara Micro (workers)", target.workersDirectory(), "worker.pid")
                .pidFile("Artemis (broker)", target.brokerPidFile())
                .command("PostgreSQL", "postgres")
                .command("MariaDB", "mariadbd")
                .thisJvm("bench (load client)");
        var points = new ArrayList<PointResult>();
        Floor.Check floorCheck = null;
        try (var floor = new Floor(target.floor(), target.benchTransactionLog())) {
            Map<String, List<String>> byLedger = accountsByLedger(tandem);
            List<String> ledgerA = byLedger.get("A");
            List<String> ledgerB = byLedger.get("B");
            warmUpTheServer(target, new AccountChooser(ledgerA, ledgerB, AccountChoice.UNIFORM, LedgerSpan.CROSS), cpu, server);
            for (Workload workload : plan) {
                var accounts = workload.entrance().isFloor()
                        ? new AccountChooser(Floor.accounts("A"), Floor.accounts("B"), workload.accounts(), workload.ledgers())
                        : new AccountChooser(ledgerA, ledgerB, workload.accounts(), workload.ledgers());
                PointResult point = workload.entrance() == Entrance.SYNC_EJB ? runEjbPoint(target, workload, cpu) : run(target, floor, workload, accounts, cpu);
                points.add(point);
                System.out.printf("  %-62s %8.1f/s  p99 %8.1f ms  %s%n", workload.name(), point.throughput(),
                        point.latency() == null ? 0 : point.latency().p99(), point.errors().isEmpty() ? "" : "errors " + point.errors());
            }
            floorCheck = floor.check();
        }
        JsonObject verification = tandem.verification();
        var report = new Report(target, durability, points, floorCheck, verification, quick ? 4 : 16, compared());
        report.write(out);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written: " + out.resolve("bench.md") + ", " + out.resolve("bench.json") + ", " + out.resolve("bench.html"));
        return report.sound() ? 0 : 1;
    }

    List<Workload> plan() {
        var plan = new ArrayList<Workload>();
        List<Entrance> tandem = List.of(Entrance.SYNC_REST, Entrance.SYNC_EJB, Entrance.ASYNC_REST, Entrance.ASYNC_JMS);
        if (queuedOnly) {
            clients.forEach(count -> plan.add(new Workload(Entrance.ASYNC_JMS, AccountChoice.UNIFORM, LedgerSpan.CROSS, count)));
            return plan;
        }
        if (quick || ratiosOnly) {
            int at = quick ? 4 : 16;
            (quick ? tandem : List.of(Entrance.SYNC_REST, Entrance.ASYNC_REST, Entrance.ASYNC_JMS))
                    .forEach(entrance -> plan.add(new Workload(entrance, AccountChoice.UNIFORM, LedgerSpan.CROSS, at)));
            plan.add(new Workload(Entrance.SYNC_REST, AccountChoice.PAIR, LedgerSpan.CROSS, at));
            plan.add(new Workload(Entrance.ASYNC_JMS, AccountChoice.PAIR, LedgerSpan.CROSS, at));
            plan.add(new Workload(Entrance.FLOOR_XA, AccountChoice.UNIFORM, LedgerSpan.CROSS, at));
            plan.add(new Workload(Entrance.FLOOR_XA_GROUPED, AccountChoice.UNIFORM, LedgerSpan.CROSS, at));
            plan.add(new Workload(Entrance.FLOOR_LOCAL, AccountChoice.UNIFORM, LedgerSpan.SAME, at));
            return plan;
        }
        for (Entrance entrance : tandem) {
            clients.forEach(count -> plan.add(new Workload(entrance, AccountChoice.UNIFORM, LedgerSpan.CROSS, count)));
        }
        for (Entrance entrance : tandem) {
            plan.add(new Workload(entrance, AccountChoice.ZIPF, LedgerSpan.CROSS, 16));
            plan.add(new Workload(entrance, AccountChoice.PAIR, LedgerSpan.CROSS, 16));
            plan.add(new Workload(entrance, AccountChoice.UNIFORM, LedgerSpan.SAME, 16));
        }
        clients.forEach(count -> plan.add(new Workload(Entrance.FLOOR_XA, AccountChoice.UNIFORM, LedgerSpan.CROSS, count)));
        clients.forEach(count -> plan.add(new Workload(Entrance.FLOOR_XA_GROUPED, AccountChoice.UNIFORM, LedgerSpan.CROSS, count)));
        clients.forEach(count -> plan.add(new Workload(Entrance.FLOOR_LOCAL, AccountChoice.UNIFORM, LedgerSpan.SAME, count)));
        return plan;
    }

    private PointResult run(Target target, Floor floor, Workload workload, AccountChooser accounts, ProcessCpu cpu) throws Exception {
        try (TransferCall call = open(target, floor, workload.entrance())) {
            Measurement measurement = Load.window(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
            CompletableFuture<Map<String, Double>> spent = cpuDuring(cpu, measurement);
            Load.run(call, accounts, workload.clients(), measurement);
            return PointResult.of(workload, measurement, durationSeconds, spent.join());
        }
    }

    private static TransferCall open(Target target, Floor floor, Entrance entrance) {
        return switch (entrance) {
            case SYNC_REST -> new TandemCalls.SyncRest(target.api(), target.teller());
            case ASYNC_REST -> new TandemCalls.AsyncRest(target.api(), target.teller(), target.broker());
            case ASYNC_JMS -> new TandemCalls.AsyncJms(target.broker());
            case FLOOR_XA -> floor.xa();
            case FLOOR_XA_GROUPED -> floor.groupCommitted();
            case FLOOR_LOCAL -> floor.local();
            case SYNC_EJB -> throw new IllegalArgumentException("remote EJB points run in a JVM of their own");
        };
    }

    /** CPU time per process between the start and the end of the measured window. */
    private static CompletableFuture<Map<String, Double>> cpuDuring(ProcessCpu cpu, Measurement measurement) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Load.until(measurement.windowStart());
                Map<String, Double> before = cpu.sample();
                Load.until(measurement.windowEnd());
                return ProcessCpu.since(before, cpu.sample());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Load before the first point, unmeasured: rounds of sync REST and async JMS transfers until the
     * server's CPU per transfer stops falling on both paths ({@link WarmUp}), or {@code --server-warmup}
     * seconds have passed. The first points would otherwise measure the JIT compiler.
     */
    private void warmUpTheServer(Target target, AccountChooser accounts, ProcessCpu cpu, String server) throws Exception {
        if (serverWarmupSeconds <= 0) {
            return;
        }
        System.out.printf("Warming the server up until its CPU per transfer stops falling (at most %d s)%n", serverWarmupSeconds);
        Duration round = Duration.ofSeconds(Math.min(10, Math.max(1, serverWarmupSeconds / 2)));
        long deadline = System.nanoTime() + Duration.ofSeconds(serverWarmupSeconds).toNanos();
        var sync = new WarmUp();
        var async = new WarmUp();
        try (TransferCall syncRest = new TandemCalls.SyncRest(target.api(), target.teller());
             TransferCall asyncJms = new TandemCalls.AsyncJms(target.broker())) {
            while (!(sync.steady() && async.steady()) && System.nanoTime() < deadline) {
                double syncMillis = serverCpuPerTransfer(syncRest, accounts, cpu, server, round);
                double asyncMillis = serverCpuPerTransfer(asyncJms, accounts, cpu, server, round);
                sync.round(syncMillis);
                async.round(asyncMillis);
                System.out.printf("  server CPU per transfer: sync REST %.2f ms, async JMS %.2f ms%n", syncMillis, asyncMillis);
            }
        }
        System.out.println(sync.steady() && async.steady() ? "  steady" : "  NOT steady yet: the first points still measure the JIT compiler");
    }

    private static double serverCpuPerTransfer(TransferCall call, AccountChooser accounts, ProcessCpu cpu, String server, Duration round)
            throws InterruptedException {
        Measurement measurement = Load.window(Duration.ZERO, round);
        CompletableFuture<Map<String, Double>> spent = cpuDuring(cpu, measurement);
        Load.run(call, accounts, 16, measurement);
        return spent.join().get(server) / Math.max(1, measurement.completed() + measurement.rejected());
    }

    /**
     * The remote EJB client runs in a JVM of its own: WildFly's jboss-client.jar does not share a class
     * path with the Artemis client this JVM uses. It says READY once it has looked the bean up and starts
     * on GO, so that this JVM measures CPU over the same window.
     */
    private PointResult runEjbPoint(Target target, Workload workload, ProcessCpu cpu) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(target.ejbJvmOptions());
        command.addAll(List.of("-cp", target.ejbClasspath(), Bench.class.getName(), "--ejb-client", format(workload),
                "--warmup", Integer.toString(warmupSeconds), "--duration", Integer.toString(durationSeconds)));
        Process client = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             var go = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("READY")) {
                System.out.println("  (EJB client) " + line);
            }
            if (line == null) {
                throw new IllegalStateException("the EJB client ended before it was ready (exit " + client.waitFor() + ")");
            }
            Measurement window = Load.window(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
            go.println("GO");
            CompletableFuture<Map<String, Double>> spent = cpuDuring(cpu, window);
            String result = null;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
            if (client.waitFor() != 0 || result == null) {
                throw new IllegalStateException("the EJB client failed (exit " + client.exitValue() + ")");
            }
            try (var reader = JsonSupport.reader(result)) {
                return PointResult.fromJson(reader.readObject()).withCpu(spent.join());
            }
        } finally {
            client.destroy();
        }
    }

    private int runEjbClient(Target target, Workload workload) throws Exception {
        var service = RemoteTransferService.connect(target.ejb(), target.teller());
        var tandem = new RestTransferService(target.api(), target.teller());
        Map<String, List<String>> byLedger = accountsByLedger(tandem);
        var accounts = new AccountChooser(byLedger.get("A"), byLedger.get("B"), workload.accounts(), workload.ledgers());
        System.out.println("READY");
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"GO".equals(commands.readLine())) {
            return 2;
        }
        Measurement measurement = Load.window(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds));
        try (TransferCall call = new TandemCalls.SyncEjb(service)) {
            Load.run(call, accounts, workload.clients(), measurement);
        }
        System.out.println("RESULT " + PointResult.of(workload, measurement, durationSeconds, Map.of()).toJson());
        return 0;
    }

    /** The accounts in the transfers' currency, by ledger, in one read. */
    private static Map<String, List<String>> accountsByLedger(RestTransferService tandem) {
        return tandem.accounts().stream().filter(account -> account.currency().equals(TandemCalls.CURRENCY))
                .sorted(Comparator.comparing(AccountDetails::id))
                .collect(Collectors.groupingBy(AccountDetails::ledger, Collectors.mapping(AccountDetails::id, Collectors.toList())));
    }

    private JsonObject compared() throws IOException {
        if (compareWith == null) {
            return null;
        }
        try (var reader = JsonSupport.reader(Files.readString(compareWith))) {
            return reader.readObject();
        }
    }

    private static String format(Workload workload) {
        return workload.entrance() + ":" + workload.accounts() + ":" + workload.ledgers() + ":" + workload.clients();
    }

    private static Workload parse(String workload) {
        String[] parts = workload.split(":");
        return new Workload(Entrance.valueOf(parts[0]), AccountChoice.valueOf(parts[1]), LedgerSpan.valueOf(parts[2]), Integer.parseInt(parts[3]));
    }
}
