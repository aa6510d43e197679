package dev.tandem.it;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.client.Credentials;
import dev.tandem.client.RestTransferService;
import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.Broker;
import dev.tandem.client.jms.PreparedOnBroker;
import dev.tandem.client.jms.PreparedOnBroker.PreparedTransaction;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.client.jms.TransferSubmitter;
import dev.tandem.it.Processes.Run;
import jakarta.jms.JMSException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The Tandem instance under test, as the build started it, and plain HTTP access to its API. */
final class Tandem {

    static final URI API = URI.create(required("tandem.url") + "/");
    static final Path ROOT = Path.of(required("tandem.root")).toAbsolutePath().normalize();
    static final Path VAR = Path.of(required("tandem.var")).toAbsolutePath().normalize();
    static final Path SECRETS = VAR.resolve("secrets");
    /** The generated users, one per role (public contract). */
    static final Credentials TELLER = Credentials.fromSecrets(SECRETS, "teller");
    static final Credentials VIEWER = Credentials.fromSecrets(SECRETS, "viewer");
    static final Credentials OPERATOR = Credentials.fromSecrets(SECRETS, "operator");
    /** The server's administrator (Payara's admin user, WildFly's management user). */
    static final Credentials ADMIN = Credentials.fromSecrets(SECRETS, "admin");
    /** Tandem's Java client as a teller: transfers and reads. */
    static final RestTransferService CLIENT = new RestTransferService(API, TELLER);
    /** As an operator: verification and counters. */
    static final RestTransferService OPERATIONS = new RestTransferService(API, OPERATOR);
    static final Broker BROKER = new Broker(required("tandem.broker.url"), "tandem", secret("broker-password"));
    /** The broker's operator, who may also use its management address. */
    static final Broker BROKER_OPERATOR = new Broker(BROKER.url(), "operator", secret("operator-password"));
    /** Payara's admin port, or WildFly's management port. */
    static final int ADMIN_PORT = Integer.parseInt(required("tandem.admin.port"));
    static final AppServer SERVER = AppServer.underTest();
    /** MicroProfile Health readiness: Payara serves it on the HTTP port, WildFly on its management port. */
    static final URI HEALTH = URI.create(required("tandem.health.url"));
    /** The ledgers under test are PostgreSQL and MariaDB ({@code -Preal-ledgers}), not the embedded H2 ones. */
    static final boolean REAL_LEDGERS = "real".equals(System.getProperty("tandem.db"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Tandem() {
    }

    static HttpResponse<String> postJson(String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(API.resolve(path)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the request as a teller, unless it carries an {@code Authorization} header of its own. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        if (built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", TELLER.basicAuthorization()).build();
        }
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path) {
        return get(path, TELLER);
    }

    static HttpResponse<String> get(String path, Credentials caller) {
        return send(HttpRequest.newBuilder(API.resolve(path)).header("Authorization", caller.basicAuthorization()).GET());
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static BigDecimal balance(String accountId) {
        try {
            return CLIENT.findAccount(accountId).balance();
        } catch (UnknownAccountException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, BigDecimal> balances(String... accountIds) {
        var balances = new LinkedHashMap<String, BigDecimal>();
        for (String id : accountIds) {
            balances.put(id, balance(id));
        }
        return balances;
    }

    static Map<String, BigDecimal> balancesOfAllAccounts() {
        var balances = new LinkedHashMap<String, BigDecimal>();
        CLIENT.accounts().forEach(account -> balances.put(account.id(), account.balance()));
        return balances;
    }

    static AccountDetails account(String accountId) throws UnknownAccountException {
        return CLIENT.findAccount(accountId);
    }

    /** Sends {@code requests} to the request queue as a JMS producer and waits for their replies. */
    static SubmitReport submit(List<TransferRequest> requests, Duration timeout) {
        return submit(requests, timeout, replies -> { });
    }

    /** {@link #submit(List, Duration)}, telling {@code progress} the number of replies so far about once a second. */
    static SubmitReport submit(List<TransferRequest> requests, Duration timeout, Consumer<Integer> progress) {
        try {
            return new TransferSubmitter(BROKER.connectionFactory()).submit(requests, timeout, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code ./tandem ARGUMENTS} against the instance under test, as a user would. */
    static Run launcher(String... arguments) {
        return launcher(Map.of("TANDEM_VAR", VAR.toString()), arguments);
    }

    /** {@link #launcher(String...)} as {@code caller}, named to it through the environment as a user would. */
    static Run launcherAs(Credentials caller, String... arguments) {
        return launcher(Map.of("TANDEM_VAR", VAR.toString(), "TANDEM_USER", caller.user(), "TANDEM_PASSWORD", caller.password()),
                arguments);
    }

    /** {@link #launcher(String...)} for a command that may take longer than two minutes. */
    static Run launcher(Duration timeout, String... arguments) {
        return launcher(Map.of("TANDEM_VAR", VAR.toString()), timeout, arguments);
    }

    private static Run launcher(Map<String, String> environment, String... arguments) {
        return launcher(environment, Duration.ofMinutes(2), arguments);
    }

    /** {@code ./tandem ARGUMENTS} with {@code environment} added to this JVM's, e.g. another instance's TANDEM_VAR. */
    static Run launcher(Map<String, String> environment, Duration timeout, String... arguments) {
        var command = new ArrayList<String>();
        command.add(ROOT.resolve("tandem").toString());
        command.addAll(List.of(arguments));
        return Processes.run(command, environment, timeout);
    }

    /** The Artemis distribution the instance under test runs on (for its command-line tools). */
    static Path artemisHome() {
        return runtimeHome("apache-artemis-");
    }

    /** The distribution under {@code var/runtime} whose directory name starts with {@code prefix}. */
    static Path runtimeHome(String prefix) {
        try (var runtimes = Files.list(VAR.resolve("runtime"))) {
            return runtimes.filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "* under " + VAR.resolve("runtime")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The transactions prepared on the broker under test. */
    static List<PreparedTransaction> preparedOnBroker() {
        try {
            return new PreparedOnBroker(BROKER_OPERATOR).list();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The transfers whose messages, sent or acknowledged, the broker's prepared transactions hold. */
    static List<String> transfersPreparedOnBroker() {
        return preparedOnBroker().stream().flatMap(transaction -> transaction.transferIds().stream()).toList();
    }

    /** A secret ./tandem start generated under var/secrets/. */
    static String secret(String name) {
        try {
            return Files.readString(SECRETS.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + name + " under " + VAR + "; start Tandem with mvn verify", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with mvn verify");
        }
        return value;
    }
}
