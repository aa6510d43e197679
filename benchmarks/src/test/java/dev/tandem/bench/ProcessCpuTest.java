package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    private static final String WORKERS = "Payara Micro (workers)";

    @Test
    void workersAreLookedForAtEverySample(@TempDir Path var) throws IOException {
        Path workers = var.resolve("workers");
        var cpu = new ProcessCpu().pidFiles(WORKERS, workers, "worker.pid");
        Map<String, Double> before = cpu.sample();
        assertThat(before).as("no workers directory yet").doesNotContainKey(WORKERS);

        Path worker = Files.createDirectories(workers.resolve("worker-1"));
        Files.writeString(worker.resolve("worker.pid"), ProcessHandle.current().pid() + "\n");
        Map<String, Double> after = cpu.sample();

        assertThat(after).containsKey(WORKERS);
        assertThat(ProcessCpu.since(before, after).get(WORKERS)).as("the CPU of the worker that started meanwhile").isPositive();
    }

    @Test
    void aProcessThatDoesNotRunIsLeftOut(@TempDir Path var) {
        var cpu = new ProcessCpu().pidFile("server", var.resolve("server.pid")).thisJvm("bench");
        assertThat(cpu.sample()).containsOnlyKeys("bench");
    }
}
