package dev.tandem.bench;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.Entrance;
import dev.tandem.bench.Workload.LedgerSpan;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The figures of one point, as the report shows them and the JSON keeps them. */
record PointResult(Workload workload, double seconds, long completed, long rejected, Map<String, Long> errors,
                   Latency latency, Latency acceptance, Map<String, Double> cpuMsPerTransfer) {

    /** Milliseconds. */
    record Latency(double p50, double p95, double p99, double max) {
        static Latency of(Histogram microseconds) {
            if (microseconds.getTotalCount() == 0) {
                return null;
            }
            return new Latency(millis(microseconds.getValueAtPercentile(50)), millis(microseconds.getValueAtPercentile(95)),
                    millis(microseconds.getValueAtPercentile(99)), millis(microseconds.getMaxValue()));
        }

        private static double millis(long microseconds) {
            return microseconds / 1000.0;
        }

        JsonObject toJson() {
            return JsonSupport.objectBuilder().add("p50", p50).add("p95", p95).add("p99", p99).add("max", max).build();
        }

        static Latency fromJson(JsonValue json) {
            if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject object = json.asJsonObject();
            return new Latency(object.getJsonNumber("p50").doubleValue(), object.getJsonNumber("p95").doubleValue(),
                    object.getJsonNumber("p99").doubleValue(), object.getJsonNumber("max").doubleValue());
        }
    }

    /** @param cpuMillis CPU time each process spent in the measured window */
    static PointResult of(Workload workload, Measurement measurement, double seconds, Map<String, Double> cpuMillis) {
        return of(workload, seconds, measurement.completed(), measurement.rejected(), measurement.errors(),
                Latency.of(measurement.latency()), Latency.of(measurement.acceptance()), cpuMillis);
    }

    /** The same figures with the CPU time of the processes measured elsewhere (a point run in another JVM). */
    PointResult withCpu(Map<String, Double> cpuMillis) {
        return of(workload, seconds, completed, rejected, errors, latency, acceptance, cpuMillis);
    }

    private static PointResult of(Workload workload, double seconds, long completed, long rejected, Map<String, Long> errors,
                                  Latency latency, Latency acceptance, Map<String, Double> cpuMillis) {
        long transfers = completed + rejected;
        var perTransfer = new LinkedHashMap<String, Double>();
        cpuMillis.forEach((process, millis) -> perTransfer.put(process, transfers == 0 ? 0 : millis / transfers));
        return new PointResult(workload, seconds, completed, rejected, errors, latency, acceptance, perTransfer);
    }

    long transfers() {
        return completed + rejected;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    double throughput() {
        return transfers() / seconds;
    }

    double cpuMsPerTransferOfAll() {
        return cpuMsPerTransfer.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    JsonObject toJson() {
        JsonObjectBuilder errorsJson = JsonSupport.objectBuilder();
        errors.forEach(errorsJson::add);
        JsonObjectBuilder cpu = JsonSupport.objectBuilder();
        cpuMsPerTransfer.forEach((process, millis) -> cpu.add(process, Math.round(millis * 1000) / 1000.0));
        JsonObjectBuilder json = JsonSupport.objectBuilder()
                .add("name", workload.name())
                .add("entrance", workload.entrance().name())
                .add("accounts", workload.accounts().name())
                .add("ledgers", workload.ledgers().name())
                .add("clients", workload.clients())
                .add("seconds", seconds)
                .add("completed", completed)
                .add("rejected", rejected)
                .add("errors", errorsJson)
                .add("throughput", Math.round(throughput() * 10) / 10.0)
                .add("latencyMs", latency == null ? JsonValue.NULL : latency.toJson())
                .add("acceptanceMs", acceptance == null ? JsonValue.NULL : acceptance.toJson())
                .add("cpuMsPerTransfer", cpu);
        return json.build();
    }

    static PointResult fromJson(JsonObject json) {
        var workload = new Workload(Entrance.valueOf(json.getString("entrance")), AccountChoice.valueOf(json.getString("accounts")),
                LedgerSpan.valueOf(json.getString("ledgers")), json.getInt("clients"));
        var errors = new TreeMap<String, Long>();
        json.getJsonObject("errors").forEach((kind, count) -> errors.put(kind, ((jakarta.json.JsonNumber) count).longValue()));
        var cpu = new LinkedHashMap<String, Double>();
        json.getJsonObject("cpuMsPerTransfer").forEach((process, millis) -> cpu.put(process, ((jakarta.json.JsonNumber) millis).doubleValue()));
        return new PointResult(workload, json.getJsonNumber("seconds").doubleValue(), json.getJsonNumber("completed").longValue(),
                json.getJsonNumber("rejected").longValue(), errors, Latency.fromJson(json.get("latencyMs")),
                Latency.fromJson(json.get("acceptanceMs")), cpu);
    }
}
