package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what over HTTP, as the public contract says: every entry point × anonymous and each role
 * (teller, viewer, operator), and bad credentials of every kind; the server's administration answers
 * its administrator only. A refusal is 401 or 403 as
 * {@code application/problem+json}, and a refused transfer changes nothing: no record, no leg, the
 * same balances. Accounts A-0037, B-0037.
 */
@ExtendWith(ConservationCheck.class)
class AccessIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ANONYMOUS = null;

    private enum Access { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    /** What each caller may read; a transfer is checked on its own below. */
    private static final Map<String, List<String>> READS_BY_ROLE = Map.of(
            "viewer", List.of("accounts", "accounts/A-0037", "accounts/A-0037/entries", "transfers", "ledgers/totals", "caller", "../",
                    "../dashboard.js"),
            "teller", List.of("accounts", "accounts/A-0037", "transfers?account=A-0037", "ledgers/totals", "caller", "../"),
            "operator", List.of("accounts", "accounts/A-0037/entries", "transfers", "ledgers/totals", "caller", "verification", "transfers/counters", "metrics", "../"));

    private static final List<String> OPERATIONS = List.of("verification", "transfers/counters", "metrics");

    @Test
    void nobodyReadsOrMovesMoneyWithoutSigningIn() throws Exception {
        var softly = new SoftAssertions();
        for (String path : List.of("accounts", "accounts/A-0037", "accounts/A-0037/entries", "transfers", "ledgers/totals",
                "transfers/" + UUID.randomUUID(), "caller",
                "verification", "transfers/counters", "metrics", "transfers/events", "../", "../dashboard.js")) {
            expect(softly, get(path, ANONYMOUS), Access.UNAUTHENTICATED, "anonymous GET " + path);
        }
        softly.assertThat(get("../../metrics", ANONYMOUS).statusCode()).as("anonymous GET of the server's own /metrics")
                .isNotEqualTo(200);
        softly.assertAll();
        refusedTransfersChangeNothing(ANONYMOUS, Access.UNAUTHENTICATED);
    }

    @Test
    void wrongPasswordsUnknownUsersAndMalformedHeadersAreUnauthenticated() throws Exception {
        var softly = new SoftAssertions();
        String wrongPassword = new Credentials("teller", Tandem.TELLER.password() + "x").basicAuthorization();
        String unknownUser = new Credentials("nobody-" + UUID.randomUUID(), "secret").basicAuthorization();
        String noColon = "Basic " + Base64.getEncoder().encodeToString("teller".getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of(wrongPassword, unknownUser, noColon, "Basic !!!not-base64!!!", "Bearer abc.def.ghi", "Basic")) {
            expect(softly, get("ledgers/totals", authorization), Access.UNAUTHENTICATED, "GET with Authorization: " + shown(authorization));
            refusedTransfersChangeNothing(authorization, Access.UNAUTHENTICATED);
        }
        softly.assertAll();
    }

    @Test
    void eachRoleReadsWhatTheContractSaysAndNoMore() throws Exception {
        var softly = new SoftAssertions();
        for (var role : READS_BY_ROLE.entrySet()) {
            String authorization = credentials(role.getKey()).basicAuthorization();
            for (String path : role.getValue()) {
                expect(softly, get(path, authorization), Access.ALLOWED, role.getKey() + " GET " + path);
            }
            if (!role.getKey().equals("operator")) {
                for (String path : OPERATIONS) {
                    expect(softly, get(path, authorization), Access.FORBIDDEN, role.getKey() + " GET " + path);
                }
            }
            var caller = Tandem.json(get("caller", authorization));
            softly.assertThat(caller.getString("name")).isEqualTo(role.getKey());
            softly.assertThat(caller.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString)).containsExactly(role.getKey());
        }
        softly.assertAll();
    }

    @Test
    void theEventStreamNeedsASignedInCaller() throws Exception {
        assertThat(openStream(ANONYMOUS).statusCode()).isEqualTo(401);
        for (String role : READS_BY_ROLE.keySet()) {
            var response = openStream(credentials(role).basicAuthorization());
            assertThat(response.statusCode()).as(role).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(role).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        }
    }

    @Test
    void onlyATellerMakesTransfers() throws Exception {
        refusedTransfersChangeNothing(Tandem.VIEWER.basicAuthorization(), Access.FORBIDDEN);
        refusedTransfersChangeNothing(Tandem.OPERATOR.basicAuthorization(), Access.FORBIDDEN);

        Map<String, BigDecimal> before = Tandem.balances("A-0037", "B-0037");
        UUID id = UUID.randomUUID();
        var made = post(id, Tandem.TELLER.basicAuthorization(), false);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(Tandem.balance("B-0037")).isEqualByComparingTo(before.get("B-0037").add(BigDecimal.ONE));
    }

    @Test
    void usersAddedWithTheTandemCommandSignInWithTheirRolesUntilRemoved() throws Exception {
        String name = "auditor" + UUID.randomUUID().toString().substring(0, 8);
        var added = Tandem.launcher("users", "add", name, "viewer");
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(added.output()).contains("secrets/" + name + "-password").doesNotContain(Files.readString(Tandem.SECRETS.resolve(name + "-password")));
        assertThat(Tandem.launcher("users", "list").output()).contains(name + " viewer");
        String authorization = Credentials.fromSecrets(Tandem.SECRETS, name).basicAuthorization();
        Polling.until(Duration.ofSeconds(30), () -> statusOfTotals(authorization), status -> status == 200);
        refusedTransfersChangeNothing(authorization, Access.FORBIDDEN);

        var removed = Tandem.launcher("users", "remove", name);
        assertThat(removed.exitCode()).as(removed.output()).isZero();
        assertThat(Tandem.SECRETS.resolve(name + "-password")).doesNotExist();
        Polling.until(Duration.ofSeconds(30), () -> statusOfTotals(authorization), status -> status == 401);
        assertThat(Tandem.launcher("users", "add", name, "cashier").exitCode()).as("an unknown role").isNotZero();
    }

    @Test
    void theUserNamesOfTheServerAndTheBrokerAreNotGivenToOthers() {
        for (String taken : List.of("admin", "ledger", "broker", "producer")) {
            var refused = Tandem.launcher("users", "add", taken, "viewer");
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("taken");
        }
    }

    /**
     * The server's own administration, Payara's admin port or WildFly's management port, answers its
     * administrator only (Payara asks for basic authentication, WildFly for digest).
     */
    @Test
    void theServersAdministrationAnswersItsAdministratorOnly() throws Exception {
        String administration = "http://127.0.0.1:" + Tandem.ADMIN_PORT
                + (Tandem.SERVER == AppServer.WILDFLY ? "/management" : "/management/domain");

        assertThat(statusOf(administration, null)).as("anonymous").isEqualTo(401);
        assertThat(statusOf(administration, new Credentials(Tandem.ADMIN.user(), "not-" + Tandem.ADMIN.password())))
                .as("a wrong password").isEqualTo(401);
        assertThat(statusOf(administration, Tandem.ADMIN)).as("the administrator").isEqualTo(200);
    }

    private static int statusOf(String url, Credentials caller) throws IOException {
        var credentials = new BasicCredentialsProvider();
        if (caller != null) {
            credentials.setCredentials(new AuthScope(null, -1), new UsernamePasswordCredentials(caller.user(), caller.password().toCharArray()));
        }
        try (CloseableHttpClient client = HttpClients.custom().setDefaultCredentialsProvider(credentials).build()) {
            var request = new HttpGet(url);
            request.addHeader("Accept", "application/json");
            return client.execute(request, response -> response.getCode());
        }
    }

    /** Synchronous and queued transfers as this caller are refused so, and leave no trace. */
    private static void refusedTransfersChangeNothing(String authorization, Access refusal) throws Exception {
        Map<String, BigDecimal> before = Tandem.balances("A-0037", "B-0037");
        var softly = new SoftAssertions();
        for (boolean queued : new boolean[] {false, true}) {
            UUID id = UUID.randomUUID();
            expect(softly, post(id, authorization, queued), refusal, (queued ? "queued" : "synchronous") + " POST /transfers as " + shown(authorization));
            softly.assertThat(Tandem.get("transfers/" + id).statusCode()).as("a record of refused transfer " + id).isEqualTo(404);
        }
        softly.assertAll();
        assertThat(Tandem.balances("A-0037", "B-0037")).isEqualTo(before);
    }

    private static void expect(SoftAssertions softly, HttpResponse<String> response, Access access, String what) {
        switch (access) {
            case ALLOWED -> softly.assertThat(response.statusCode()).as(what).isEqualTo(200);
            case UNAUTHENTICATED -> {
                softly.assertThat(response.statusCode()).as(what).isEqualTo(401);
                softly.assertThat(response.headers().firstValue("WWW-Authenticate")).as(what + ": the challenge")
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWithIgnoringCase("Basic"));
                expectProblem(softly, response, "unauthenticated", what);
            }
            case FORBIDDEN -> {
                softly.assertThat(response.statusCode()).as(what).isEqualTo(403);
                expectProblem(softly, response, "forbidden", what);
            }
        }
    }

    private static void expectProblem(SoftAssertions softly, HttpResponse<String> response, String type, String what) {
        softly.assertThat(response.headers().firstValue("Content-Type")).as(what + ": the media type")
                .hasValueSatisfying(mediaType -> assertThat(mediaType).startsWith("application/problem+json"));
        if (response.body().startsWith("{")) {
            softly.assertThat(Tandem.json(response).getString("type", "")).as(what + ": the problem type").isEqualTo("urn:tandem:problem:" + type);
        } else {
            softly.fail(what + ": the body is not a problem document: " + response.body());
        }
    }

    /** The user the first start created for the role, named after it. */
    private static Credentials credentials(String role) {
        return Credentials.fromSecrets(Tandem.SECRETS, role);
    }

    private static String shown(String authorization) {
        return authorization == null ? "anonymous" : authorization.split(" ")[0] + " …";
    }

    private static int statusOfTotals(String authorization) {
        try {
            return get("ledgers/totals", authorization).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return HTTP.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(UUID id, String authorization, boolean queued) throws Exception {
        var request = request("transfers", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"from\":\"A-0037\",\"to\":\"B-0037\",\"amount\":\"1.00\",\"currency\":\"EUR\"}"));
        if (queued) {
            request.header("Prefer", "respond-async");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The stream's answer, its body closed unread. */
    private static HttpResponse<InputStream> openStream(String authorization) throws IOException, InterruptedException {
        var response = HTTP.send(request("transfers/events", authorization).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response;
    }

    private static HttpRequest.Builder request(String path, String authorization) {
        var request = HttpRequest.newBuilder(Tandem.API.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }
}
