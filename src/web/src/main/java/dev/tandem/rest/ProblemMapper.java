package dev.tandem.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a problem response, so that no client ever sees an HTML error page. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof InvalidTransferException invalid) {
            return Problem.of(400, "invalid-request", "Invalid transfer request").detail(invalid.getMessage()).response();
        }
        if (failure instanceof TransferConflictException conflict) {
            return Problem.of(409, "transfer-conflict", "Transfer id already used")
                    .detail(conflict.getMessage())
                    .with("transferId", conflict.transferId().toString())
                    .response();
        }
        if (failure instanceof UnknownTransferException || failure instanceof UnknownAccountException) {
            return Problem.of(404, "not-found", "Not found").detail(failure.getMessage()).response();
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), "http-" + status.getStatusCode(), status.getReasonPhrase())
                    .detail(web.getMessage())
                    .response();
        }
        if (failure instanceof EJBException) {
            LOG.log(Level.WARNING, "Request failed in the service layer, its transaction rolled back", failure);
            return Problem.of(503, "service-unavailable", "Service unavailable")
                    .detail("The request could not be completed and nothing was changed: a ledger database or the"
                            + " message broker failed. It is safe to retry; a transfer retried with the same id is"
                            + " applied at most once.")
                    .response();
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Problem.of(500, "internal-error", "Internal server error")
                .detail("An unexpected error occurred; it has been logged.")
                .response();
    }
}
