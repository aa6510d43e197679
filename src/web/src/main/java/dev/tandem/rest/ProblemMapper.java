package dev.tandem.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.api.json.Problem;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.ejb.TransactionRolledbackLocalException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
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

    @Override
    public Response toResponse(Throwable failure) {
        return respond(problemFor(failure));
    }

    private static Problem problemFor(Throwable failure) {
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
        if (isOutage(failure)) {
            LOG.log(Level.WARNING, "A ledger or the broker failed; the request's transaction rolled back", failure);
            return Problem.of(503, "service-unavailable", "Service unavailable")
                    .detail("The request could not be completed and nothing was changed: a ledger database or the"
                            + " message broker failed. It is safe to retry; a transfer retried with the same id is"
                            + " applied at most once.");
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Problem.of(500, "internal-error", "Internal server error").detail("An unexpected error occurred; it has been logged.");
    }

    /**
     * Whether a resource failed (a database, the broker, the transaction manager) rather than the code:
     * the providers report it in their own ways, unwrapped or wrapped in an EJBException.
     */
    private static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException
                    || cause instanceof JMSException || cause instanceof JMSRuntimeException
                    || cause instanceof ResourceException || cause instanceof TransactionRolledbackLocalException
                    || cause instanceof EJBTransactionRolledbackException || cause instanceof RollbackException
                    || cause instanceof SystemException) {
                return true;
            }
        }
        return false;
    }
}
