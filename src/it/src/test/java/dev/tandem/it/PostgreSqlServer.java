package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Processes.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * This machine's PostgreSQL server (ledger A on the real profile), stopped for as long as it is open
 * and started again on close, with the commands the machine itself uses ({@code pg_ctlcluster}; needs
 * root or the postgres user). A fast stop ends every session, in the middle of whatever it was doing;
 * prepared transactions survive it, as they survive any restart.
 */
final class PostgreSqlServer implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final String version;

    private PostgreSqlServer(String version) {
        this.version = version;
        pgCtlCluster("stop", "-m", "fast");
    }

    static PostgreSqlServer stopped() {
        try (Stream<Path> clusters = Files.list(Path.of("/etc/postgresql"))) {
            String version = clusters.map(path -> path.getFileName().toString()).sorted().reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
            return new PostgreSqlServer(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pgCtlCluster("start");
    }

    private void pgCtlCluster(String action, String... options) {
        var command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action));
        command.addAll(List.of(options));
        Run run = Processes.run(command, Map.of(), COMMAND_TIMEOUT);
        assertThat(run.exitCode()).as("%s: %s", command, run.output()).isZero();
    }
}
