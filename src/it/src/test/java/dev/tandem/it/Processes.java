package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.chaos.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command a test needs (the launcher, asadmin, the Artemis CLI) and makes sure it is gone afterwards. */
final class Processes {

    record Run(int exitCode, String output) {
    }

    private Processes() {
    }

    /** Runs {@code command} to its end; kills it and its children if it outlives {@code timeout}. */
    static Run run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Commands.Result result = Commands.run(command, environment, timeout);
            return new Run(result.exitCode(), result.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9} of the process whose PID {@code pidFile} holds, returning once it is gone. */
    static void killByPidFile(Path pidFile, String what) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no " + what + " process " + pid));
        assertThat(process.destroyForcibly()).isTrue();
        process.onExit().get(30, TimeUnit.SECONDS);
    }
}
