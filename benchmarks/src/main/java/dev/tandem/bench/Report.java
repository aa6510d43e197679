package dev.tandem.bench;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.Entrance;
import dev.tandem.bench.Workload.LedgerSpan;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a run found, three ways: a Markdown summary for the console, {@code bench.json} with every figure
 * (the ratios at its top), and {@code bench.html}, one self-contained page with the charts (Chart.js
 * inlined).
 */
final class Report {

    private final Target target;
    private final Durability durability;
    private final List<PointResult> points;
    private final Floor.Check floor;
    private final JsonObject verification;
    private final int ratioClients;
    private final JsonObject otherRuntime;
    private final Instant finished = Instant.now();

    Report(Target target, Durability durability, List<PointResult> points, Floor.Check floor, JsonObject verification, int ratioClients,
           JsonObject otherRuntime) {
        this.target = target;
        this.durability = durability;
        this.points = points;
        this.floor = floor;
        this.verification = verification;
        this.ratioClients = ratioClients;
        this.otherRuntime = otherRuntime;
    }

    /** Every point moved money, every transfer got an outcome, the floor's check and Tandem's invariants hold. */
    boolean sound() {
        return points.stream().allMatch(point -> point.transfers() > 0 && !point.errors().containsKey(Measurement.NO_OUTCOME))
                && floor.holds() && verification.getBoolean("consistent");
    }

    Optional<PointResult> point(Entrance entrance, AccountChoice accounts, LedgerSpan ledgers, int clients) {
        return points.stream().filter(point -> point.workload().equals(new Workload(entrance, accounts, ledgers, clients))).findFirst();
    }

    private Optional<Double> throughput(Entrance entrance, AccountChoice accounts, LedgerSpan ledgers) {
        return point(entrance, accounts, ledgers, ratioClients).map(PointResult::throughput);
    }

    private Optional<Double> acceptanceP99(Entrance entrance) {
        return point(entrance, AccountChoice.UNIFORM, LedgerSpan.CROSS, ratioClients)
                .map(PointResult::acceptance).map(PointResult.Latency::p99);
    }

    JsonObject ratios() {
        Optional<Double> syncRest = throughput(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS);
        Optional<Double> asyncJms = throughput(Entrance.ASYNC_JMS, AccountChoice.UNIFORM, LedgerSpan.CROSS);
        JsonObjectBuilder ratios = JsonSupport.objectBuilder().add("clients", ratioClients);
        Optional<Double> floorXa = throughput(Entrance.FLOOR_XA, AccountChoice.UNIFORM, LedgerSpan.CROSS);
        divide(syncRest, floorXa).ifPresent(p1 -> ratios.add("P1", p1));
        Optional<Double> floorLocal = throughput(Entrance.FLOOR_LOCAL, AccountChoice.UNIFORM, LedgerSpan.SAME);
        divide(asyncJms, floorLocal).ifPresent(p2 -> ratios.add("P2", p2));
        Optional<Double> grouped = throughput(Entrance.FLOOR_XA_GROUPED, AccountChoice.UNIFORM, LedgerSpan.CROSS);
        JsonObjectBuilder groupCommit = JsonSupport.objectBuilder();
        divide(grouped, floorXa).ifPresent(ratio -> groupCommit.add("overFloorXa", ratio));
        divide(grouped, floorLocal).ifPresent(ratio -> groupCommit.add("overFloorLocal", ratio));
        ratios.add("groupCommit", groupCommit);
        JsonObjectBuilder p3 = JsonSupport.objectBuilder();
        divide(asyncJms, syncRest).ifPresent(ratio -> p3.add("throughput", ratio));
        acceptanceP99(Entrance.ASYNC_REST).ifPresent(p99 -> p3.add("acceptanceP99MsRest", p99));
        acceptanceP99(Entrance.ASYNC_JMS).ifPresent(p99 -> p3.add("acceptanceP99MsJms", p99));
        ratios.add("P3", p3);
        p4(syncRest).ifPresent(p4 -> ratios.add("P4", p4));
        JsonObjectBuilder hot = JsonSupport.objectBuilder();
        throughput(Entrance.SYNC_REST, AccountChoice.PAIR, LedgerSpan.CROSS).ifPresent(rate -> hot.add("syncPerSecond", round(rate)));
        throughput(Entrance.ASYNC_JMS, AccountChoice.PAIR, LedgerSpan.CROSS).ifPresent(rate -> hot.add("asyncPerSecond", round(rate)));
        return ratios.add("hotAccount", hot).build();
    }

    /** The same EAR on WildFly ÷ on Payara, sync REST: from this run and one on the other runtime. */
    private Optional<Double> p4(Optional<Double> syncRest) {
        if (otherRuntime == null || otherRuntime.getString("runtime").equals(target.runtime())) {
            return Optional.empty();
        }
        Optional<Double> other = otherRuntime.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .map(PointResult::fromJson)
                .filter(point -> point.workload().equals(new Workload(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, ratioClients)))
                .map(PointResult::throughput).findFirst();
        return target.runtime().equals("wildfly") ? divide(syncRest, other) : divide(other, syncRest);
    }

    private static Optional<Double> divide(Optional<Double> numerator, Optional<Double> denominator) {
        return numerator.flatMap(n -> denominator.filter(d -> d > 0).map(d -> round(n / d)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    JsonObject json() {
        JsonArrayBuilder pointsJson = JsonSupport.arrayBuilder();
        points.forEach(point -> pointsJson.add(point.toJson()));
        JsonObjectBuilder settings = JsonSupport.objectBuilder();
        durability.settings.forEach(settings::add);
        JsonArrayBuilder weakened = JsonSupport.arrayBuilder();
        durability.weakened.forEach(weakened::add);
        return JsonSupport.objectBuilder()
                .add("ratios", ratios())
                .add("runtime", target.runtime())
                .add("ledgers", target.ledgers())
                .add("finished", finished.toString())
                .add("machine", machine())
                .add("versions", target.versions())
                .add("durability", JsonSupport.objectBuilder().add("comparable", durability.comparable()).add("settings", settings)
                        .add("weakened", weakened))
                .add("floorCheck", JsonSupport.objectBuilder().add("holds", floor.holds()).add("transactions", floor.transactions())
                        .add("transfers", floor.transfers())
                        .add("preparedBranches", floor.prepared()).add("committedBranches", floor.committed())
                        .add("messages", floor.messages()).add("money", floor.money().toPlainString())
                        .add("openedWith", floor.openedWith().toPlainString()))
                .add("verification", verification)
                .add("points", pointsJson)
                .build();
    }

    private static JsonObject machine() {
        return JsonSupport.objectBuilder()
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("memoryGiB", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024.0 * 1024 * 1024)))
                .add("cpu", cpuModel())
                .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                .build();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    String markdown() {
        var text = new StringBuilder();
        text.append("## Tandem bench: %s, %s ledgers, %s%n%n".formatted(target.runtime(), target.ledgers(), finished));
        JsonObject ratios = ratios();
        text.append("| ratio | value |\n| --- | --- |\n");
        text.append("| P1 = sync REST ÷ floor XA (2 DBs + JMS), %d clients | %s |%n".formatted(ratioClients, figure(ratios, "P1")));
        text.append("| P2 = async JMS end to end ÷ floor local one-DB transfer | %s |%n".formatted(figure(ratios, "P2")));
        JsonObject groupCommit = ratios.getJsonObject("groupCommit");
        text.append("| floor XA with group commit ÷ floor XA / ÷ floor local (what sharing a 2PC gives) | %s / %s |%n"
                .formatted(figure(groupCommit, "overFloorXa"), figure(groupCommit, "overFloorLocal")));
        JsonObject p3 = ratios.getJsonObject("P3");
        text.append("| P3 = async JMS ÷ sync REST throughput | %s |%n".formatted(figure(p3, "throughput")));
        text.append("| acceptance p99: 202 (async REST) / JMS send | %s ms / %s ms |%n"
                .formatted(figure(p3, "acceptanceP99MsRest"), figure(p3, "acceptanceP99MsJms")));
        text.append("| P4 = WildFly ÷ Payara, sync REST | %s |%n".formatted(figure(ratios, "P4")));
        JsonObject hot = ratios.getJsonObject("hotAccount");
        text.append("| one pair of accounts: sync / async transfers/s | %s / %s |%n%n"
                .formatted(figure(hot, "syncPerSecond"), figure(hot, "asyncPerSecond")));

        text.append("| point | transfers/s | p50 ms | p99 ms | accepted p99 ms | errors | CPU ms/transfer (top process) |\n");
        text.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (PointResult point : points) {
            var top = point.cpuMsPerTransfer().entrySet().stream().max(Map.Entry.comparingByValue());
            text.append("| %s | %.1f | %s | %s | %s | %s | %.2f (%s) |%n".formatted(point.workload().name(), point.throughput(),
                    point.latency() == null ? "-" : "%.1f".formatted(point.latency().p50()),
                    point.latency() == null ? "-" : "%.1f".formatted(point.latency().p99()),
                    point.acceptance() == null ? "-" : "%.1f".formatted(point.acceptance().p99()),
                    point.errors().isEmpty() ? "0" : point.errors().toString(), point.cpuMsPerTransferOfAll(),
                    top.map(entry -> entry.getKey() + " %.2f".formatted(entry.getValue())).orElse("-")));
        }
        text.append("%nDurability: %s%n".formatted(durability.comparable() ? "every setting durable, the run is comparable"
                : "NOT comparable, weakened: " + durability.weakened));
        durability.settings.forEach((name, value) -> text.append("- %s: %s%n".formatted(name, value)));
        text.append("%nFloor check: %s (%d transactions, %d transfers, %d branches prepared, %d committed in two phases, %d messages, money %s of %s)%n"
                .formatted(floor.holds() ? "holds" : "FAILED", floor.transactions(), floor.transfers(), floor.prepared(), floor.committed(), floor.messages(),
                        floor.money().toPlainString(), floor.openedWith().toPlainString()));
        text.append("Tandem's invariants afterwards: %s%n".formatted(verification.getBoolean("consistent") ? "consistent"
                : "BROKEN " + verification.get("findings")));
        return text.toString();
    }

    private static String figure(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonNumber number ? "%.2f".formatted(number.doubleValue()) : "-";
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("bench.json"), json().toString());
        Files.writeString(directory.resolve("bench.md"), markdown());
        Files.writeString(directory.resolve("bench.html"), html());
    }

    String html() {
        String data = json().toString().replace("</", "<\\/");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Tandem bench: %s, %s ledgers</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:1100px}canvas{max-height:360px}
                section{margin:2em 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}
                td:first-child,th:first-child{text-align:left}</style>
                <script>%s</script></head>
                <body><h1>Tandem bench: %s, %s ledgers</h1>
                <div id="summary"></div>
                <section><h2>Throughput against clients</h2><canvas id="throughput"></canvas></section>
                <section><h2>Latency at %d clients (until the outcome)</h2><canvas id="latency"></canvas></section>
                <section><h2>Sync against async: accepted and settled, p99 at %d clients</h2><canvas id="async"></canvas></section>
                <section><h2>Tandem against the floor, and by account choice, at %d clients</h2><canvas id="choice"></canvas></section>
                <section><h2>CPU per transfer by process at %d clients</h2><canvas id="cpu"></canvas></section>
                <script>const bench = %s;
                %s</script></body></html>
                """.formatted(target.runtime(), target.ledgers(), chartJs(), target.runtime(), target.ledgers(), ratioClients, ratioClients,
                ratioClients, ratioClients, data, resource("report.js"));
    }

    private static String chartJs() {
        Properties versions = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("bench.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource("/META-INF/resources/webjars/chart.js/" + versions.getProperty("chartjs.version") + "/dist/chart.umd.js")
                .replace("</script", "<\\/script");
    }

    private static String resource(String name) {
        try (InputStream in = Report.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
