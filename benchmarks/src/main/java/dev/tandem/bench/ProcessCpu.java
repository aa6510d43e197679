package dev.tandem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time of the processes a transfer runs through, read from {@code /proc/PID/stat} (user + system,
 * all threads). A process is found by a PID file (the server, the broker, each worker), by its command
 * name (the database servers: every PostgreSQL backend), or is this JVM and the processes it started.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Supplier<List<Long>>> processes = new LinkedHashMap<>();

    ProcessCpu pidFile(String name, Path pidFile) {
        processes.put(name, () -> Files.isReadable(pidFile) ? List.of(pidIn(pidFile)) : List.of());
        return this;
    }

    /**
     * Processes of one kind, each with its PID file {@code fileName} in a subdirectory of {@code directory} (the
     * workers), looked for at every sample: a worker started during a run counts from then on.
     */
    ProcessCpu pidFiles(String name, Path directory, String fileName) {
        processes.put(name, () -> {
            if (!Files.isDirectory(directory)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.map(entry -> entry.resolve(fileName)).filter(Files::isReadable).map(ProcessCpu::pidIn).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }

    private static long pidIn(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessCpu command(String name, String... commands) {
        processes.put(name, () -> {
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                return entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(entry -> List.of(commands).contains(commandOf(entry)))
                        .map(entry -> Long.parseLong(entry.getFileName().toString())).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }

    ProcessCpu thisJvm(String name) {
        processes.put(name, () -> Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .map(ProcessHandle::pid).toList());
        return this;
    }

    /** CPU milliseconds so far, per process name, of the processes that run now. */
    Map<String, Double> sample() {
        var sample = new LinkedHashMap<String, Double>();
        processes.forEach((name, found) -> {
            List<Long> pids = found.get();
            if (!pids.isEmpty()) {
                sample.put(name, pids.stream().mapToDouble(ProcessCpu::cpuMillis).sum());
            }
        });
        return sample;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        var spent = new LinkedHashMap<String, Double>();
        after.forEach((name, millis) -> spent.put(name, Math.max(0, millis - before.getOrDefault(name, 0.0))));
        return spent;
    }

    private static String commandOf(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** utime + stime: fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException gone) {
            return 0;
        }
    }
}
