package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health as each server serves it (Payara on the HTTP port, WildFly on the management port), with
 * Tandem's own checks on both: readiness names each dependency, liveness counts deadlocked threads. The outages that
 * turn readiness DOWN are {@code OutagesUnderLoadIT}'s.
 */
class HealthIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readinessIsTandemsCheckOfBothLedgersAndTheBroker() throws Exception {
        JsonObject check = tandemCheck(Tandem.HEALTH, "tandem-dependencies");

        assertThat(check.getString("status")).isEqualTo("UP");
        JsonObject data = check.getJsonObject("data");
        assertThat(data.keySet()).containsExactlyInAnyOrder("ledgerA", "ledgerB", "broker");
        assertThat(data.values()).allSatisfy(status -> assertThat(((JsonString) status).getString()).isEqualTo("UP"));
    }

    /**
     * Liveness answers whether threads of the server are deadlocked, and the server log has their stacks when they
     * are. (On Payara the suite can leave a pair behind: Grizzly's HTTP/2 deadlocks listener threads, docs/decisions/grizzly-http2-deadlock.md.)
     */
    @Test
    void livenessIsTandemsCheckOfTheServersThreadsAndTheLogNamesADeadlock() throws Exception {
        HttpResponse<String> response = health(Tandem.HEALTH.resolve("live"));
        JsonObject check = named(response, "tandem-threads");
        int deadlocked = Integer.parseInt(check.getJsonObject("data").get("deadlockedThreads").toString().replace("\"", ""));

        if (deadlocked == 0) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(check.getString("status")).isEqualTo("UP");
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(check.getString("status")).isEqualTo("DOWN");
            assertThat(Polling.until(Duration.ofSeconds(10), () -> Tandem.SERVER.logs().contains("Deadlocked threads; the server needs a restart"),
                    logged -> logged)).as("the deadlocked threads' stacks in the server log").isTrue();
        }
    }

    /** The named check of a health answer, which must be 200 (everything UP) and hold it. */
    private static JsonObject tandemCheck(URI health, String name) throws Exception {
        HttpResponse<String> response = health(health);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return named(response, name);
    }

    private static HttpResponse<String> health(URI health) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject named(HttpResponse<String> response, String name) {
        return Tandem.json(response.body()).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.body()));
    }
}
