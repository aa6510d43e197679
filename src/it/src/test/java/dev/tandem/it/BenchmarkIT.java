package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Processes.Run;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code ./tandem bench --quick} against the instance under test, as a user runs it: every entry point and
 * both floors are measured, every transfer gets one outcome, the floor really commits its three branches in
 * two phases and keeps its money, and the HTML report draws its charts in a browser. No timing is asserted:
 * this machine's speed is what the bench reports, not what the test checks.
 */
@ExtendWith(ConservationCheck.class)
class BenchmarkIT {

    private static final List<String> ENTRANCES = List.of("SYNC_REST", "SYNC_EJB", "ASYNC_REST", "ASYNC_JMS", "FLOOR_XA", "FLOOR_XA_GROUPED", "FLOOR_LOCAL");

    @Test
    void theQuickBenchMeasuresEveryEntryPointBesideTheFloorAndItsReportDrawsTheCharts() throws Exception {
        Path out = Path.of(System.getProperty("screenshots")).resolveSibling("bench-" + System.getProperty("tandem.runtime"));
        Run bench = Processes.run(List.of(Tandem.ROOT.resolve("tandem").toString(), "bench", "--quick", "--out", out.toString()),
                Map.of("TANDEM_VAR", Tandem.VAR.toString()), Duration.ofMinutes(6));
        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("P1 = sync REST", "P2 = async JMS", "P3 = async JMS", "Floor check: holds",
                "Tandem's invariants afterwards: consistent");

        JsonObject report;
        try (var reader = Json.createReader(new StringReader(Files.readString(out.resolve("bench.json"))))) {
            report = reader.readObject();
        }
        var points = report.getJsonArray("points").getValuesAs(JsonObject.class);
        assertThat(points).extracting(point -> point.getString("entrance")).containsAll(ENTRANCES);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.getJsonNumber("completed").longValue()).as(point.getString("name")).isPositive();
            assertThat(point.getJsonObject("errors")).as(point.getString("name")).isEmpty();
            assertThat(point.getJsonObject("cpuMsPerTransfer")).as(point.getString("name")).isNotEmpty();
        });
        JsonObject floor = report.getJsonObject("floorCheck");
        assertThat(floor.getBoolean("holds")).as(floor.toString()).isTrue();
        assertThat(floor.getJsonNumber("preparedBranches").longValue()).isEqualTo(3 * floor.getJsonNumber("transactions").longValue()).isPositive();
        assertThat(floor.getJsonNumber("transfers").longValue()).as("group commit: more transfers than transactions")
                .isGreaterThan(floor.getJsonNumber("transactions").longValue());
        JsonObject ratios = report.getJsonObject("ratios");
        assertThat(ratios.keySet()).contains("P1", "P2", "P3", "hotAccount", "groupCommit");
        assertThat(ratios.getJsonObject("groupCommit").keySet()).contains("overFloorXa", "overFloorLocal");
        assertThat(ratios.getJsonObject("hotAccount").keySet()).contains("syncPerSecond", "asyncPerSecond");
        assertThat(report.getJsonObject("verification").getBoolean("consistent")).isTrue();

        try (var chromium = HeadlessChromium.open()) {
            chromium.browser.get(out.resolve("bench.html").toUri().toString());
            new WebDriverWait(chromium.browser, Duration.ofSeconds(30))
                    .until(page -> ((Number) ((JavascriptExecutor) page).executeScript("return Object.keys(Chart.instances).length")).intValue() == 5);
            assertThat(chromium.browser.findElement(By.id("summary")).getText()).contains("P1 = sync REST ÷ floor XA");
            assertThat(Files.size(chromium.screenshot("bench-report.png"))).isGreaterThan(10_000);
        }
    }
}
