package dev.tandem.transfer.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.api.json.JsonSupport;
import dev.tandem.api.json.Problem;
import dev.tandem.api.json.TransferJson;
import dev.tandem.events.control.TransferFeed;
import dev.tandem.metrics.control.TransferMetrics;
import dev.tandem.pages.Position;
import dev.tandem.rest.Pages;
import dev.tandem.rest.ProblemMapper;
import dev.tandem.tracing.control.Spans;
import dev.tandem.transfer.boundary.TransferServiceBean;
import dev.tandem.transfer.control.TransactionFailures;
import dev.tandem.transfer.control.TransferQuery;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code POST /transfers} moves money and answers with the outcome: 201 for a completed transfer,
 * 422 for a rejection (recorded, so {@code GET /transfers/{id}} shows it), 400 for a malformed
 * request, 409 for an id already used with other content; in the caller's W3C trace ({@code traceparent}), or a
 * new one, recorded with the transfer. With {@code Prefer: respond-async} the
 * transfer is queued instead and the answer is 202 with its {@code Location}. A transfer not recorded
 * within {@link #ANSWER_WITHIN} (a ledger or the broker went away while it committed, and the transaction
 * manager keeps retrying until it is back) is answered 500 {@code outcome-unknown} and completes in the
 * background. Also the search of transfers, the live stream of transfer events and their counts.
 */
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String RESPOND_ASYNC = "respond-async";
    /** Row locks give up after 10 s in every ledger: a transfer that has not settled by now is stuck in its commit. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    @Inject
    TransferServiceBean transfers;

    @Inject
    TransferFeed feed;

    @Inject
    TransferMetrics metrics;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transfer(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @HeaderParam("Prefer") String prefer,
                             @HeaderParam(TraceContext.TRACEPARENT) String traceparent) throws Exception {
        TransferRequest request = withIdempotencyKey(TransferJson.parseRequest(body), idempotencyKey)
                .identified(); // so that a caller told "not known yet" can look it up
        TraceContext trace = Spans.current(traceparent);
        if (prefer != null && prefer.contains(RESPOND_ASYNC)) {
            return within(transfers.acceptInBackground(request, trace), request, accepted -> accepted.status() == TransferStatus.PENDING
                    ? Response.accepted(TransferJson.toJson(accepted))
                            .location(location(accepted.id()))
                            .header("Preference-Applied", RESPOND_ASYNC)
                            .build()
                    : answer(accepted));
        }
        return within(transfers.applyInBackground(request, trace), request, this::answer);
    }

    /**
     * The answer once the transfer is recorded, or, if that takes longer than {@link #ANSWER_WITHIN},
     * {@code outcome-unknown}: the work goes on in the background.
     */
    private Response within(Future<TransferDetails> pending, TransferRequest request, Function<TransferDetails, Response> answer)
            throws Exception {
        try {
            return answer.apply(pending.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception failure ? failure : e;
        } catch (TimeoutException e) {
            throw TransactionFailures.outcomeUnknown(request.id(), "The transfer was not recorded within "
                    + ANSWER_WITHIN.toSeconds() + " s: a ledger or the broker went away while it committed, and the"
                    + " transaction manager completes it once the resource is back.");
        }
    }

    /**
     * Server-sent events of every committed transfer event ({@code accepted}, {@code completed},
     * {@code rejected}), in commit order per account. A client that reconnects with
     * {@code Last-Event-ID} gets what it missed first.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse, @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
        feed.subscribe(lastEventId, item -> {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder()
                    .id(item.id())
                    .name(item.kind())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(item.json())
                    .build());
            return true;
        });
    }

    /** What happened since the server started: accepted, completed, rejected, rolled back; alerts sent and failed. */
    @GET
    @Path("counters")
    public JsonObject counters() {
        var counts = JsonSupport.objectBuilder();
        metrics.counters().forEach(counts::add);
        return counts.build();
    }

    /**
     * The transfers that match, newest first, a page at a time ({@link Pages}): {@code status}, {@code account}
     * (either side), {@code mode}, and the time they were recorded, {@code since} (inclusive) and {@code until}
     * (exclusive), as ISO-8601 instants.
     */
    @GET
    public Response search(@QueryParam("status") String status, @QueryParam("account") String account,
                           @QueryParam("mode") String mode, @QueryParam("since") String since, @QueryParam("until") String until,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) throws InvalidTransferException {
        var query = new TransferQuery(value(TransferStatus.class, "status", status), account == null ? null : account.strip(),
                value(TransferMode.class, "mode", mode), instant("since", since), instant("until", until), Pages.position(cursor));
        return Pages.page(limit, most -> transfers.search(query, most), TransferJson::toJson,
                transfer -> Pages.cursor(new Position(transfer.createdAt(), transfer.id().toString())), uriInfo);
    }

    @GET
    @Path("{id}")
    public JsonObject transfer(@PathParam("id") String id) throws InvalidTransferException, UnknownTransferException {
        return TransferJson.toJson(transfers.findTransfer(TransferJson.parseId(id, "the transfer id")));
    }

    /** A final outcome: 201 with the transfer, or 422 with the rejection. */
    private Response answer(TransferDetails outcome) {
        if (outcome.status() == TransferStatus.REJECTED) {
            return ProblemMapper.respond(Problem.rejection(outcome).instance(location(outcome.id()).toString()));
        }
        return Response.created(location(outcome.id())).entity(TransferJson.toJson(outcome)).build();
    }

    private URI location(UUID transfer) {
        return uriInfo.getBaseUriBuilder().path(TransfersResource.class).path(transfer.toString()).build();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String parameter, String text) throws InvalidTransferException {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidTransferException(parameter + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + text + "'");
        }
    }

    private static Instant instant(String parameter, String text) throws InvalidTransferException {
        try {
            return text == null ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidTransferException(parameter + " must be an ISO-8601 instant such as 2026-12-05T10:15:30Z, got '"
                    + text + "'");
        }
    }

    private static TransferRequest withIdempotencyKey(TransferRequest request, String key) throws InvalidTransferException {
        if (key == null) {
            return request;
        }
        UUID id = TransferJson.parseId(key.strip(), "the " + IDEMPOTENCY_KEY + " header");
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidTransferException("the " + IDEMPOTENCY_KEY + " header (" + id
                    + ") and the body's id (" + request.id() + ") differ; send one or make them equal");
        }
        return request.withId(id);
    }
}
