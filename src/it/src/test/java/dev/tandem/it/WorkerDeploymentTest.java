package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container image and the StatefulSet of deploy/ give a worker everything start-worker.sh and the command
 * files it reads need, and start it in the foreground with the arguments it takes.
 */
class WorkerDeploymentTest {

    private static final Path ROOT = Path.of(System.getProperty("tandem.root", "../..")).toAbsolutePath().normalize();
    private static final Path START_WORKER = ROOT.resolve("server-config/payara-micro/start-worker.sh");

    private final WorkerDeployment deployment = WorkerDeployment.read(ROOT);

    @Test
    void theImageAndThePodSetEveryVariableARealLedgerWorkerNeeds() throws IOException {
        Set<String> needed = new HashSet<>();
        for (String file : List.of("payara/transactions.asadmin", "payara-micro/worker.asadmin", "payara/messaging.asadmin",
                "payara/ledgers-real.asadmin")) {
            needed.addAll(matches(Pattern.compile("\\$\\{(TANDEM_[A-Z0-9_]+)}"), ROOT.resolve("server-config").resolve(file)));
        }
        needed.addAll(matches(Pattern.compile("\\$\\{?(TANDEM_WORKER_LIBS)"), START_WORKER));
        // the secrets, which Payara Micro reads from the environment (${ENV=...})
        needed.addAll(matches(Pattern.compile("ENV\\\\+=(TANDEM_[A-Z0-9_]+)"), START_WORKER));
        needed.remove("TANDEM_WORKER_NAME"); // start-worker.sh's own, from its NAME argument
        // start-worker.sh's own too, from the brokers' hosts and ports (export_broker_connectors in lib.sh)
        needed.removeAll(List.of("TANDEM_BROKER_CONNECTOR_CLASSES", "TANDEM_BROKER_CONNECTION_PARAMETERS", "TANDEM_BROKER_HA"));

        Set<String> given = new HashSet<>(deployment.podEnvironment());
        given.addAll(deployment.imageEnvironment().keySet());
        needed.addAll(List.of("TANDEM_BROKER_HOST", "TANDEM_BROKER_PORT", "TANDEM_BROKER_BACKUP_HOST", "TANDEM_BROKER_BACKUP_PORT"));
        assertThat(needed).contains("TANDEM_DB_NAME", "TANDEM_LEDGER_PASSWORD", "TANDEM_BROKER_PASSWORD",
                "TANDEM_WORKER_LIBS", "TANDEM_RAR");
        assertThat(given).containsAll(needed);
    }

    @Test
    void theEntryPointStartsTheWorkerInTheForegroundWithItsFiveArguments() {
        assertThat(deployment.entrypoint().get(0)).isEqualTo(WorkerDeployment.IMAGE_ROOT + "/server-config/payara-micro/start-worker.sh");
        assertThat(deployment.entrypoint().get(1)).isEqualTo("--foreground");
        assertThat(deployment.entrypoint().size() - 2 + deployment.podArguments().size()).isEqualTo(5);
        assertThat(deployment.podArguments().get(0)).as("the recovery identity: the pod's name").isEqualTo("$(POD_NAME)");
        assertThat(deployment.imageEnvironment().values()).allSatisfy(value -> assertThat(value).doesNotContain("${"));
    }

    private static Set<String> matches(Pattern pattern, Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            Set<String> found = new HashSet<>();
            lines.forEach(line -> pattern.matcher(line).results().forEach(match -> found.add(match.group(1))));
            return found;
        }
    }
}
