package dev.tandem.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TransferConflictException;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a problem response, so that no client ever sees an HTML error page. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    /** The response carrying {@code problem}, with its status. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson().toString()).build();
    }

    /** A transfer that may or may not happen yet: the transaction manager is still bringing it to one outcome. */
    public static Problem outcomeUnknown(String why) {
        return Problem.of(500, "outcome-unknown", "Transfer outcome not known yet")
                .detail(why + " GET the transfer to see where it stands; retrying with the same id is safe, a transfer"
                        + " is applied at most once.");
    }

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof TransferFailedException transferFailed) {
            UUID id = transferFailed.transferId();
            Problem problem = problemFor(transferFailed.getCause(), "transfer " + id);
            return respond(problem.instance(uriInfo.getBaseUriBuilder().path("transfers").path(id.toString()).build().toString()));
        }
        return respond(problemFor(failure, "a request"));
    }

    /** The problem for a failure; {@code subject} (a transfer and its id, or a request) is what the log says failed. */
    private static Problem problemFor(Throwable failure, String subject) {
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
        if (TransactionFailures.isStopping(failure)) {
            return serviceUnavailable("Tandem is stopping and takes no more transfers; nothing was changed. It is safe to"
                    + " retry once it is back");
        }
        if (TransactionFailures.isHeuristic(failure)) {
            return Problem.of(500, "heuristic-outcome", "Heuristic transaction outcome")
                    .detail("The transaction manager reported that the resources of this request did not all reach the"
                            + " same outcome. Operators have been alerted; GET the transfer and run ./tandem verify to see"
                            + " where it stands before retrying.");
        }
        if (TransactionFailures.isOutcomeUnknown(failure)) {
            LOG.log(Level.SEVERE, "OUTCOME UNKNOWN of " + subject + ": its commit failed part-way; the transaction manager"
                    + " completes it once every resource is back (at the latest when the server restarts). Check with"
                    + " ./tandem verify.", failure);
            return outcomeUnknown("The transfer's commit did not reach every ledger and the broker: a resource went"
                    + " away during it. If it was decided to commit, the transaction manager completes it once the"
                    + " resource is back.");
        }
        if (TransactionFailures.isOutage(failure)) {
            LOG.log(Level.WARNING, "A ledger or the broker failed; the transaction of " + subject + " rolled back", failure);
            return serviceUnavailable("The request could not be completed and nothing was changed: a ledger database or"
                    + " the message broker failed. It is safe to retry");
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + subject, failure);
        return Problem.of(500, "internal-error", "Internal server error").detail("An unexpected error occurred; it has been logged.");
    }

    /** Nothing was changed, and the same request may be sent again: {@code why}, then the retry rule. */
    private static Problem serviceUnavailable(String why) {
        return Problem.of(503, "service-unavailable", "Service unavailable")
                .detail(why + "; a transfer retried with the same id is applied at most once.");
    }
}
