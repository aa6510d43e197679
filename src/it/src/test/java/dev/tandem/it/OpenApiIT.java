package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.json.Problem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document at {@code /openapi}, the same on both servers, held against the running API: it is
 * Tandem's own document (not a scan), every documented read answers with a status the document lists for it,
 * anonymous callers get its 401, and malformed input its 400. (That it names every resource method and nothing
 * else: the web module's OpenApiDocumentTest.)
 */
@ExtendWith(ConservationCheck.class)
class OpenApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonObject DOCUMENT = Tandem.json(Tandem.send(HttpRequest.newBuilder(Tandem.API.resolve("/openapi"))
            .header("Accept", "application/json").GET()).body());

    @Test
    void theServedDocumentIsTandemsOwn() {
        assertThat(DOCUMENT.getJsonObject("info").getString("title")).isEqualTo("Tandem");
        assertThat(DOCUMENT.getJsonObject("paths").keySet()).extracting(OpenApiIT::url).containsExactlyInAnyOrder(
                "/tandem/api/caller", "/tandem/api/accounts", "/tandem/api/accounts/{id}", "/tandem/api/accounts/{id}/entries",
                "/tandem/api/ledgers/totals", "/tandem/api/transfers", "/tandem/api/transfers/{id}", "/tandem/api/transfers/events",
                "/tandem/api/transfers/counters", "/tandem/api/verification", "/tandem/api/metrics");
        assertThat(DOCUMENT.getJsonObject("components").getJsonObject("schemas").keySet())
                .contains("TransferRequest", "Transfer", "Account", "Entry", "Problem", "Rejection");
    }

    @Test
    void everyDocumentedReadAnswersWithAStatusAndTypeTheDocumentLists() {
        var softly = new SoftAssertions();
        operations("get").forEach((path, operation) -> {
            HttpResponse<InputStream> answer = call(path, Tandem.OPERATOR.basicAuthorization());
            String status = String.valueOf(answer.statusCode());
            JsonObject responses = operation.getJsonObject("responses");
            softly.assertThat(responses.keySet()).as("GET " + path).contains(status);
            if (responses.containsKey(status)) {
                JsonObject documented = resolve(responses.getJsonObject(status));
                String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
                softly.assertThat(documented.getJsonObject("content").keySet()).as("GET " + path + " " + status).contains(type);
            }
        });
        softly.assertAll();
    }

    @Test
    void anonymousCallersGetTheDocumented401() {
        var softly = new SoftAssertions();
        operations("get").forEach((path, operation) -> {
            softly.assertThat(operation.getJsonObject("responses").keySet()).as("GET " + path).contains("401");
            softly.assertThat(call(path, null).statusCode()).as("anonymous GET " + path).isEqualTo(401);
        });
        softly.assertAll();
    }

    @Test
    void malformedInputGetsTheDocumented400() {
        var post = operations("post").get("/tandem/api/transfers");
        JsonObject schema = resolve(post.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema"));
        assertThat(schema.getJsonArray("required").getValuesAs(JsonString::getString)).contains("to");
        assertThat(post.getJsonObject("responses").keySet()).contains("400");

        HttpResponse<String> missingTarget = Tandem.postJson("transfers", "{\"from\":\"A-0001\",\"amount\":\"1.00\",\"currency\":\"EUR\"}");

        assertThat(missingTarget.statusCode()).isEqualTo(400);
        assertThat(missingTarget.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(Tandem.json(missingTarget).getString("type")).isEqualTo("urn:tandem:problem:invalid-request");
    }

    /** The operations with {@code method}, by URL path, with sample values for the path's parameters. */
    private static Map<String, JsonObject> operations(String method) {
        var operations = new TreeMap<String, JsonObject>();
        DOCUMENT.getJsonObject("paths").forEach((path, item) -> {
            if (item.asJsonObject().containsKey(method)) {
                operations.put(url(path).replace("/accounts/{id}", "/accounts/A-0001").replace("/transfers/{id}", "/transfers/" + UUID.randomUUID()),
                        item.asJsonObject().getJsonObject(method));
            }
        });
        return operations;
    }

    /**
     * A documented path as a URL path on the server: the context root is in the servers' URLs (Payara) or in the
     * paths (WildFly), and either way correct.
     */
    private static String url(String path) {
        var servers = DOCUMENT.getJsonArray("servers");
        String server = servers == null || servers.isEmpty() ? "" : URI.create(servers.getJsonObject(0).getString("url")).getPath();
        return (server.endsWith("/") ? server.substring(0, server.length() - 1) : server) + path;
    }

    /** Answers as soon as the headers are in: {@code /transfers/events} is a stream that does not end. */
    private static HttpResponse<InputStream> call(String path, String authorization) {
        var request = HttpRequest.newBuilder(Tandem.API.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows a local {@code $ref}. */
    private static JsonObject resolve(JsonObject node) {
        if (!node.containsKey("$ref")) {
            return node;
        }
        JsonValue target = DOCUMENT;
        for (String step : node.getString("$ref").substring(2).split("/")) {
            target = target.asJsonObject().get(step);
        }
        return resolve(target.asJsonObject());
    }
}
