package dev.tandem.client.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process Tandem depends on, as the nemesis sees it: found by its PID file, signalled with its children
 * (a database server's backends, the JVM a start script runs), and started again with the command its
 * owner uses. {@code stopSignal} asks it to shut down cleanly and soon.
 */
record Target(String name, Path pidFile, List<String> startCommand, String stopSignal) {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    Optional<ProcessHandle> process() {
        try {
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean running() {
        return process().isPresent();
    }

    void kill() throws InterruptedException {
        signal("KILL");
        awaitExit(Duration.ofSeconds(30));
    }

    void pause() throws InterruptedException {
        signal("STOP");
    }

    void resume() throws InterruptedException {
        signal("CONT");
    }

    /** A normal stop, then a kill if it takes too long. */
    void stop() throws InterruptedException {
        Optional<ProcessHandle> process = process();
        if (process.isPresent()) {
            Commands.runOrFail(List.of("kill", "-" + stopSignal, String.valueOf(process.get().pid())), Duration.ofSeconds(30));
        }
        if (!awaitExit(Duration.ofSeconds(90))) {
            kill();
        }
    }

    /** Starts the process again unless it runs. */
    void ensureRunning() throws InterruptedException {
        if (running()) {
            return;
        }
        Commands.runOrFail(startCommand, COMMAND_TIMEOUT);
        if (!Waiting.until(this::running, Duration.ofMinutes(1))) {
            throw new IllegalStateException(name + " is not running after " + String.join(" ", startCommand));
        }
    }

    private void signal(String signal) throws InterruptedException {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return;
        }
        // the parent first, so that it does not start children anew while they are signalled
        List<String> pids = Stream.concat(process.stream(), process.get().descendants())
                .map(handle -> String.valueOf(handle.pid())).toList();
        Commands.runOrFail(Stream.concat(Stream.of("kill", "-" + signal), pids.stream()).toList(), Duration.ofSeconds(30));
    }

    private boolean awaitExit(Duration timeout) throws InterruptedException {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.get().isAlive();
        }
    }

    /** A process of Tandem's own, which shuts down cleanly on SIGTERM and is started again by {@code ./tandem start}. */
    static Target tandems(String name, Path pidFile, Path launcher) {
        return new Target(name, pidFile, List.of(launcher.toString(), "start"), "TERM");
    }

    /**
     * The local PostgreSQL cluster (its newest version), started again with {@code pg_ctlcluster} as the machine
     * does; stopped with a fast shutdown (SIGINT), since SIGTERM waits for every client to disconnect.
     */
    static Target postgreSql() {
        try (Stream<Path> clusters = Files.list(Path.of("/etc/postgresql"))) {
            String version = clusters.map(path -> path.getFileName().toString()).sorted().reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
            return new Target("postgresql", Path.of("/var/run/postgresql/" + version + "-main.pid"),
                    List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"), "INT");
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL cluster on this machine", e);
        }
    }

    /** The local MariaDB server, started again in the background with {@code start-stop-daemon}, as the machine does. */
    static Target mariaDb() {
        return new Target("mariadb", Path.of("/run/mysqld/mysqld.pid"),
                List.of("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"),
                "TERM");
    }
}
