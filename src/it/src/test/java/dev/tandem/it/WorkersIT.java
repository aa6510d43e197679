package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.it.Processes.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real ledgers only ({@code -Preal-ledgers}): workers on Payara Micro consume the request queue beside the server
 * (docs/scale-out.md). Two workers are added for this class ({@code ./tandem workers add 2}) and removed after it.
 * Every EUR account: the broker hands each account's message group to one consumer, and the test needs enough of
 * them for every process to get some.
 */
@ExtendWith(ConservationCheck.class)
class WorkersIT {

    /** Accounts that only send, in runs whose outcomes depend on their order. */
    private static final List<String> ORDERED_SOURCES = List.of("A-0007", "B-0007");
    /** The other EUR accounts, which send to and receive from one another at random. */
    private static final List<String> POOL = Stream.of("A", "B")
            .flatMap(ledger -> IntStream.rangeClosed(1, 50).filter(number -> number % 10 != 0)
                    .mapToObj(number -> "%s-%04d".formatted(ledger, number)))
            .filter(account -> !ORDERED_SOURCES.contains(account)).toList();

    private final Random random = new Random(17);

    @BeforeAll
    static void twoWorkers() {
        Run added = Tandem.launcher(Duration.ofMinutes(8), "workers", "add", "2");
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(added.output()).contains("worker-1  running", "worker-2  running").doesNotContain("stopped");
    }

    @AfterAll
    static void removeTheWorkers() throws IOException {
        for (int number : List.of(1, 2)) {
            // their logs outlive them, for a failure's diagnosis
            Files.copy(workerLog(number), Tandem.VAR.resolve("worker-" + number + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Run removed = Tandem.launcher(Duration.ofMinutes(3), "workers", "remove", "1", "2");
        assertThat(removed.exitCode()).as(removed.output()).isZero();
        assertThat(worker(1)).doesNotExist();
        assertThat(worker(2)).doesNotExist();
    }

    @Test
    void twoThousandQueuedTransfersAreSpreadOverTheServerAndBothWorkersAndEachIsAppliedOnceInOrder() {
        var before = Tandem.balances(accounts());
        List<List<TransferRequest>> producers = new ArrayList<>();
        Map<String, List<String>> expectedInOrder = new HashMap<>();
        for (String source : ORDERED_SOURCES) {
            var run = QueuedRuns.OrderedRun.from(source, Tandem.balance(source), POOL, 100, random);
            expectedInOrder.put(source, run.outcomesInOrder());
            producers.add(interleave(run.transfers(), randomTransfers(400)));
        }
        producers.add(randomTransfers(500));
        producers.add(randomTransfers(500));

        List<SubmitReport> reports = producers.stream()
                .map(requests -> CompletableFuture.supplyAsync(() -> Tandem.submit(requests, Duration.ofMinutes(5))))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(Tandem.balances(accounts())).isEqualTo(QueuedRuns.answeredOnce(producers, reports, before));
        for (int producer = 0; producer < ORDERED_SOURCES.size(); producer++) {
            String source = ORDERED_SOURCES.get(producer);
            SubmitReport report = reports.get(producer);
            assertThat(producers.get(producer).stream().filter(request -> request.from().equals(source))
                    .map(request -> report.replies().get(request.id().toString()).status()).toList())
                    .as("outcomes of %s's transfers, in the order sent", source)
                    .isEqualTo(expectedInOrder.get(source));
        }
        Set<String> ids = producers.stream().flatMap(List::stream).map(request -> request.id().toString())
                .collect(Collectors.toSet());
        var applied = new LinkedHashMap<Path, Long>();
        for (Path log : List.of(Tandem.SERVER.log(), workerLog(1), workerLog(2))) {
            applied.put(log, transfersLoggedIn(log, ids));
        }
        System.out.println("2,000 queued transfers applied by the server, worker 1 and worker 2: " + applied.values());
        assertThat(applied).allSatisfy((log, count) -> assertThat(count).as("transfers applied by the process logging to %s", log)
                .isPositive());
    }

    @Test
    void aWorkerKilledUnderLoadCompletesItsOwnTransactionsWhenItComesBack() throws Exception {
        var before = Tandem.balances(accounts());
        List<List<TransferRequest>> producers = List.of(randomTransfers(400), randomTransfers(400));
        var underWay = new CountDownLatch(1);
        List<CompletableFuture<SubmitReport>> submitting = producers.stream()
                .map(requests -> CompletableFuture.supplyAsync(() -> Tandem.submit(requests, Duration.ofMinutes(8), replies -> {
                    if (replies >= 100) {
                        underWay.countDown();
                    }
                })))
                .toList();
        assertThat(underWay.await(3, TimeUnit.MINUTES)).as("100 replies").isTrue();

        Processes.killByPidFile(worker(1).resolve("worker.pid"), "worker 1");
        Run start = Tandem.launcher(Duration.ofMinutes(8), "start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("Starting worker 1", "worker-1  running");
        List<SubmitReport> reports = submitting.stream().map(CompletableFuture::join).toList();
        assertThat(Tandem.balances(accounts())).isEqualTo(QueuedRuns.answeredOnce(producers, reports, before));
        Run verify = Tandem.launcher("verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("; 0 prepared transactions");
    }

    @Test
    void aSecondProcessWithTheIdentityOfARunningWorkerIsRefused() {
        Path dir = worker(2);
        Run second = Processes.run(List.of(Tandem.ROOT.resolve("server-config/payara-micro/start-worker.sh").toString(),
                        "payara-micro.jar", "tandem-worker.war", dir.toString(), "tandem-worker-2", "1"),
                Map.of(), Duration.ofMinutes(1));

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.output()).contains("tandem-worker-2 already runs", "one process per recovery identity");
    }

    /**
     * Past one machine (deploy/): the files ./tandem worker-image assembles for the image, started the way the
     * image's entry point and the StatefulSet start them (in the foreground, its name an argument, everything
     * else from its environment, which holds nothing else), with this machine's broker and ledgers.
     */
    @Test
    void aWorkerStartedAsItsContainerAppliesItsShareAndStopsOnSigterm() throws Exception {
        Path image = Tandem.VAR.resolve("worker-image");
        Path volume = Tandem.VAR.resolve("worker-volume");
        deleteIfPresent(image);
        deleteIfPresent(volume);
        Run assembled = Tandem.launcher(Duration.ofMinutes(5), "worker-image", image.toString());
        assertThat(assembled.exitCode()).as(assembled.output()).isZero();
        WorkerDeployment deployment = WorkerDeployment.read(Tandem.ROOT);
        var settings = new Properties();
        try (var reader = Files.newBufferedReader(Tandem.VAR.resolve("tandem.env"))) {
            settings.load(reader);
        }
        int portBase = Integer.parseInt(settings.getProperty("TANDEM_PORT_BASE"));
        Map<String, String> thisMachine = new HashMap<>(Map.of("POD_NAME", "tandem-worker-9", "TANDEM_LISTEN_ADDRESS", "127.0.0.1",
                "TANDEM_BROKER_HOST", "127.0.0.1", "TANDEM_BROKER_BACKUP_HOST", "127.0.0.1", "TANDEM_BROKER_USER", "tandem",
                "TANDEM_BROKER_PASSWORD", Tandem.secret("broker-password"), "TANDEM_LEDGER_PASSWORD", Tandem.secret("ledger-password")));
        settings.stringPropertyNames().forEach(name -> thisMachine.putIfAbsent(name, settings.getProperty(name)));

        var builder = new ProcessBuilder();
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(Set.of("PATH", "HOME", "JAVA_HOME"));
        deployment.imageEnvironment().forEach((name, value) -> environment.put(name, inImage(value, image)));
        for (String name : deployment.podEnvironment()) {
            assertThat(thisMachine).as("a value on this machine for the pod's %s", name).containsKey(name);
            environment.put(name, thisMachine.get(name));
        }
        List<String> command = new ArrayList<>(deployment.entrypoint().stream().map(part -> inImage(part, image)).toList());
        command.set(command.size() - 1, volume.toString());
        command.addAll(List.of(thisMachine.get("POD_NAME"), Integer.toString(portBase + 109)));
        Path log = Tandem.VAR.resolve("worker-container.log");
        Process worker = builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean stoppedOnSigterm;
        try {
            Polling.until(Duration.ofMinutes(4), () -> Files.exists(volume.resolve("provisioned")) || !worker.isAlive(), done -> done);
            assertThat(worker.isAlive()).as("the worker runs; its log is %s", log).isTrue();

            var before = Tandem.balances(accounts());
            List<List<TransferRequest>> producers = List.of(randomTransfers(300));
            List<SubmitReport> reports = List.of(Tandem.submit(producers.get(0), Duration.ofMinutes(5)));
            assertThat(Tandem.balances(accounts())).isEqualTo(QueuedRuns.answeredOnce(producers, reports, before));
            Set<String> ids = producers.get(0).stream().map(request -> request.id().toString()).collect(Collectors.toSet());
            assertThat(transfersLoggedIn(log, ids)).as("transfers the container's worker applied, by its log on stdout").isPositive();
        } finally {
            worker.destroy();
            stoppedOnSigterm = worker.waitFor(90, TimeUnit.SECONDS);
            if (!stoppedOnSigterm) {
                worker.destroyForcibly();
            }
        }
        assertThat(stoppedOnSigterm).as("the worker stops on SIGTERM").isTrue();
        Run verify = Tandem.launcher("verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("; 0 prepared transactions");
    }

    private static void deleteIfPresent(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String inImage(String path, Path image) {
        return path.replace(WorkerDeployment.IMAGE_ROOT, image.toString());
    }

    private static Path worker(int number) {
        return Tandem.VAR.resolve("workers/worker-" + number);
    }

    /** The worker's current log file (start-worker.sh, logging.properties: rotated at 10 MB, which no test reaches). */
    private static Path workerLog(int number) {
        return worker(number).resolve("server0.log");
    }

    private static String[] accounts() {
        return Stream.concat(POOL.stream(), ORDERED_SOURCES.stream()).toArray(String[]::new);
    }

    private List<TransferRequest> randomTransfers(int count) {
        List<TransferRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String from = POOL.get(random.nextInt(POOL.size()));
            String to = POOL.get(random.nextInt(POOL.size()));
            if (!from.equals(to)) {
                requests.add(new TransferRequest(UUID.randomUUID(), from, to,
                        BigDecimal.valueOf(1 + random.nextInt(500), 2), "EUR"));
            } else {
                i--;
            }
        }
        return requests;
    }

    /** One list with the elements of both, each list's own order kept. */
    private List<TransferRequest> interleave(List<TransferRequest> first, List<TransferRequest> second) {
        List<TransferRequest> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            boolean takeFirst = j == second.size() || (i < first.size() && random.nextInt(first.size() + second.size()) < first.size());
            merged.add(takeFirst ? first.get(i++) : second.get(j++));
        }
        return merged;
    }

    /** How many of these transfer ids a process's log names as settled ("Transfer ID (trace …) completed|rejected"). */
    private static long transfersLoggedIn(Path log, Set<String> ids) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Transfer ") && !line.contains("Rolled back")
                            && (line.contains(") completed") || line.contains(") rejected")))
                    .map(line -> line.substring(line.indexOf("Transfer ") + 9).split(" ", 2)[0])
                    .filter(ids::contains)
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
