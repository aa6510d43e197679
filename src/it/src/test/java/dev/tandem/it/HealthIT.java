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
 * Tandem's own checks on both: readiness names each dependency, liveness the server's threads. The outages that
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

    @Test
    void livenessIsTandemsCheckOfTheServersThreads() throws Exception {
        JsonObject check = tandemCheck(Tandem.HEALTH.resolve("live"), "tandem-threads");

        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").get("deadlockedThreads").toString()).matches("\"?0\"?");
    }

    /** The named check of a health answer, which must be 200 (everything UP) and hold it. */
    private static JsonObject tandemCheck(URI health, String name) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Tandem.json(response.body()).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.body()));
    }
}
