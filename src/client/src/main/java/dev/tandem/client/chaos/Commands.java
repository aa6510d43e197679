package dev.tandem.client.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and gives its exit status and output; kills it and its children if it outlives its time. */
public final class Commands {

    public record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) throws InterruptedException {
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return run(builder, timeout);
    }

    /** {@link #run} of what {@code builder} describes (its command, directory and environment), without input. */
    public static Result run(ProcessBuilder builder, Duration timeout) throws InterruptedException {
        builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        List<String> command = builder.command();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        var output = new StringBuilder();
        var reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        reader.join(10_000);
        return new Result(process.exitValue(), output.toString());
    }

    /** {@link #run}, failing with the command's output unless it exits 0. */
    static String runOrFail(List<String> command, Duration timeout) throws InterruptedException {
        Result result = run(command, Map.of(), timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output();
    }
}
