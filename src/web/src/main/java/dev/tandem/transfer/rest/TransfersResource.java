package dev.tandem.transfer.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.api.json.TransferJson;
import dev.tandem.rest.Problem;
import dev.tandem.transfer.boundary.TransferServiceBean;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /transfers} moves money and answers with the outcome: 201 for a completed transfer,
 * 422 for a rejection (recorded, so {@code GET /transfers/{id}} shows it), 400 for a malformed
 * request, 409 for an id already used with other content.
 */
@Path("transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    TransferServiceBean transfers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transfer(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey)
            throws InvalidTransferException, TransferConflictException {
        TransferRequest request = withIdempotencyKey(TransferJson.parseRequest(body), idempotencyKey);
        TransferDetails outcome = transfers.transfer(request);
        URI location = uriInfo.getBaseUriBuilder().path(TransfersResource.class).path(outcome.id().toString()).build();
        if (outcome.status() == TransferStatus.REJECTED) {
            return rejection(outcome, location);
        }
        return Response.created(location).entity(TransferJson.toJson(outcome)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject transfer(@PathParam("id") String id) throws InvalidTransferException, UnknownTransferException {
        return TransferJson.toJson(transfers.findTransfer(TransferJson.parseId(id, "the transfer id")));
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

    private static Response rejection(TransferDetails outcome, URI location) {
        RejectionReason reason = outcome.reason();
        return Problem.of(422, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), reason.title())
                .detail(outcome.detail())
                .instance(location)
                .with("transferId", outcome.id().toString())
                .with("reason", reason.name())
                .response();
    }
}
