package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** Runs {@code command} to its end; kills it and its children by PID if it outlives {@code timeout}. */
    static Run run(List<String> command, Map<String, String> environment, Duration timeout) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e);
                }
            });
            reader.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            assertThat(finished).as("%s finished within %s", command, timeout).isTrue();
            reader.join(10_000);
            return new Run(process.exitValue(), output.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
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
