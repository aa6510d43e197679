package dev.tandem.client;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.api.AccountDetails;
import dev.tandem.api.EntryDetails;
import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferFailureException;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.api.json.TransferJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@link TransferService} over Tandem's REST API, so that a client can switch channels without changes. */
public final class RestTransferService implements TransferService {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    /**
     * @param base   the API root, e.g. {@code http://localhost:8080/tandem/api}
     * @param caller whom Tandem is called as
     */
    public RestTransferService(URI base, Credentials caller) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.authorization = caller.basicAuthorization();
    }

    @Override
    public TransferDetails transfer(TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        var response = post(request);
        return switch (response.statusCode()) {
            case 201 -> TransferJson.parseDetails(response.body());
            case 422 -> recordedRejection(problem(response));
            default -> throw failure(request, response);
        };
    }

    /** {@code POST /transfers} with {@code Prefer: respond-async}: 202 and the transfer is queued. */
    @Override
    public UUID submit(TransferRequest request) throws InvalidTransferException, TransferConflictException, TransferFailureException {
        var response = post(request, "Prefer", "respond-async");
        return switch (response.statusCode()) {
            case 202, 201 -> TransferJson.parseDetails(response.body()).id();
            case 422 -> UUID.fromString(problem(response).getString("transferId"));
            default -> throw failure(request, response);
        };
    }

    /** Over HTTP the future is the client's own: the call runs on a background thread. */
    @Override
    public Future<TransferDetails> transferAsync(TransferRequest request) {
        var outcome = new CompletableFuture<TransferDetails>();
        CompletableFuture.runAsync(() -> {
            try {
                outcome.complete(transfer(request));
            } catch (Exception e) {
                outcome.completeExceptionally(e);
            }
        });
        return outcome;
    }

    @Override
    public TransferDetails findTransfer(UUID id) throws UnknownTransferException {
        var response = send(HttpRequest.newBuilder(base.resolve("transfers/" + id)).GET());
        if (response.statusCode() == 404) {
            throw new UnknownTransferException(id);
        }
        return TransferJson.parseDetails(ok(response).body());
    }

    @Override
    public List<AccountDetails> accounts() {
        var accounts = new ArrayList<AccountDetails>();
        for (Optional<URI> next = Optional.of(base.resolve("accounts")); next.isPresent(); ) {
            var page = page(next.get(), TransferJson::parseAccount);
            accounts.addAll(page.items());
            next = page.next();
        }
        return accounts;
    }

    /** One page of a list the API answers a page at a time, and where the next one is, if there is one. */
    public record Page<T>(List<T> items, Optional<URI> next) {

        /** The {@code cursor} that asks for the next page, if there is one. */
        public Optional<String> nextCursor() {
            return next.flatMap(uri -> Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(parameter -> parameter.startsWith("cursor="))
                    .map(parameter -> URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8))
                    .findFirst());
        }
    }

    /**
     * {@code GET /transfers}, newest first: a page of the transfers that match the query's parameters ({@code status},
     * {@code account}, {@code mode}, {@code since}, {@code until}, {@code limit}, {@code cursor}; unset ones left out).
     */
    public Page<TransferDetails> transfers(Map<String, String> query) {
        return page(withQuery("transfers", query), TransferJson::parseDetails);
    }

    /** {@code GET /accounts/{id}/entries}: a page of the account's statement, newest first. */
    public Page<EntryDetails> statement(String account, Map<String, String> query) throws UnknownAccountException {
        URI uri = withQuery("accounts/" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "/entries", query);
        try {
            return page(uri, TransferJson::parseEntry);
        } catch (NotFound e) {
            throw new UnknownAccountException(account);
        }
    }

    /** Reads the page at {@code uri}; a page that does not exist is {@link NotFound}. */
    public <T> Page<T> page(URI uri, Function<JsonObject, T> item) {
        var response = send(HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() == 404) {
            throw new NotFound(response);
        }
        var items = new ArrayList<T>();
        try (var reader = JsonSupport.reader(ok(response).body())) {
            reader.readArray().forEach(json -> items.add(item.apply(json.asJsonObject())));
        }
        return new Page<>(List.copyOf(items), nextPage(response));
    }

    private URI withQuery(String path, Map<String, String> query) {
        String parameters = query.entrySet().stream()
                .filter(parameter -> parameter.getValue() != null)
                .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base.resolve(parameters.isEmpty() ? path : path + "?" + parameters);
    }

    /** A 404: the list asked for belongs to nothing Tandem knows. */
    static final class NotFound extends IllegalStateException {
        NotFound(HttpResponse<String> response) {
            super(unexpected(response).getMessage());
        }
    }

    /** The {@code Link} header's {@code rel="next"}: the next page of a list, if there is one. */
    public static Optional<URI> nextPage(HttpResponse<?> response) {
        return response.headers().allValues("Link").stream()
                .flatMap(header -> NEXT_LINK.matcher(header).results())
                .map(next -> response.uri().resolve(next.group(1)))
                .findFirst();
    }

    @Override
    public AccountDetails findAccount(String id) throws UnknownAccountException {
        var response = send(HttpRequest.newBuilder(base.resolve("accounts/" + id)).GET());
        if (response.statusCode() == 404) {
            throw new UnknownAccountException(id);
        }
        try (var reader = Json.createReader(new StringReader(ok(response).body()))) {
            return TransferJson.parseAccount(reader.readObject());
        }
    }

    @Override
    public LedgerTotals totals() {
        return TransferJson.parseTotals(ok(send(HttpRequest.newBuilder(base.resolve("ledgers/totals")).GET())).body());
    }

    private HttpResponse<String> post(TransferRequest request, String... headers) {
        var post = HttpRequest.newBuilder(base.resolve("transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TransferJson.toJson(request).toString()));
        if (headers.length > 0) {
            post.headers(headers);
        }
        if (request.traceparent() != null) {
            post.header(TraceContext.TRACEPARENT, request.traceparent());
        }
        return send(post);
    }

    /**
     * For a response that is not an outcome: throws the client's fault (400, 409) or the technical failure the
     * problem names, as the remote EJB throws them; returns anything else for the caller to throw.
     */
    private static RuntimeException failure(TransferRequest request, HttpResponse<String> response)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        JsonObject problem = problem(response);
        String detail = problem.getString("detail", response.body());
        String type = problem.getString("type", "");
        if (response.statusCode() == 400) {
            throw new InvalidTransferException(detail);
        }
        if (response.statusCode() == 409) {
            throw new TransferConflictException(request.id(), detail);
        }
        if (type.endsWith(":service-unavailable")) {
            throw new TransferUnavailableException(request.id(), detail);
        }
        if (type.endsWith(":outcome-unknown")) {
            throw new OutcomeUnknownException(request.id(), detail);
        }
        if (type.endsWith(":heuristic-outcome")) {
            throw new HeuristicOutcomeException(request.id(), detail);
        }
        return unexpected(response);
    }

    /** {@code GET /transfers/counters}: what happened since the server started. */
    public JsonObject counters() {
        try (var reader = JsonSupport.reader(ok(send(HttpRequest.newBuilder(base.resolve("transfers/counters")).GET())).body())) {
            return reader.readObject();
        }
    }

    /** {@code GET /verification}: Tandem's invariants checked now; {@code consistent}, {@code checked} and {@code findings}. */
    public JsonObject verification() {
        try (var reader = JsonSupport.reader(ok(send(HttpRequest.newBuilder(base.resolve("verification")).GET())).body())) {
            return reader.readObject();
        }
    }

    /** A 422 names the transfer it recorded; the record itself carries the whole outcome. */
    private TransferDetails recordedRejection(JsonObject problem) {
        UUID id = UUID.fromString(problem.getString("transferId"));
        try {
            return findTransfer(id);
        } catch (UnknownTransferException e) {
            throw new IllegalStateException("Tandem rejected transfer " + id + " but has no record of it", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).header("Accept", "application/json").header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Tandem at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Tandem", e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw unexpected(response);
        }
        return response;
    }

    private static JsonObject problem(HttpResponse<String> response) {
        try (var reader = JsonSupport.reader(response.body())) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static IllegalStateException unexpected(HttpResponse<String> response) {
        JsonObject problem = problem(response);
        return new IllegalStateException("Tandem answered " + response.statusCode() + " to " + response.request().method()
                + " " + response.uri() + ": " + problem.getString("detail", problem.getString("title", response.body())));
    }
}
