package dev.tandem.rest;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferFailureException;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.api.json.Problem;
import dev.tandem.transfer.control.TransactionFailures;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns every failure into a problem response, so that no client ever sees an HTML error page. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    /** The response carrying {@code problem}, with its status. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson().toString()).build();
    }

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        return respond(problemFor(failure));
    }

    private Problem problemFor(Throwable failure) {
        if (failure instanceof InvalidTransferException invalid) {
            return Problem.invalidRequest(invalid.getMessage());
        }
        if (failure instanceof TransferConflictException conflict) {
            return Problem.conflict(conflict);
        }
        if (failure instanceof UnknownTransferException || failure instanceof UnknownAccountException) {
            return Problem.of(404, "not-found", "Not found").detail(failure.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase())
                    .detail(web.getMessage());
        }
        if (failure instanceof TransferFailureException told) {
            return problemFor(told);
        }
        return TransactionFailures.classify(null, failure).map(this::problemFor)
                .orElseGet(() -> Problem.of(500, "internal-error", "Internal server error")
                        .detail("An unexpected error occurred; it has been logged."));
    }

    /** The same three kinds as a remote EJB caller gets, with the transfer concerned as the problem's instance. */
    private Problem problemFor(TransferFailureException failure) {
        Problem problem;
        if (failure instanceof TransferUnavailableException) {
            problem = Problem.of(503, "service-unavailable", "Service unavailable");
        } else if (failure instanceof OutcomeUnknownException) {
            problem = Problem.of(500, "outcome-unknown", "Transfer outcome not known yet");
        } else if (failure instanceof HeuristicOutcomeException) {
            problem = Problem.of(500, "heuristic-outcome", "Heuristic transaction outcome");
        } else {
            throw new IllegalArgumentException("unknown kind of transfer failure: " + failure.getClass());
        }
        problem = problem.detail(failure.getMessage());
        return failure.transferId() == null ? problem
                : problem.instance(uriInfo.getBaseUriBuilder().path("transfers").path(failure.transferId().toString()).build().toString());
    }
}
