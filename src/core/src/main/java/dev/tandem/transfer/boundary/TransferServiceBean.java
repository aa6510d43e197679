package dev.tandem.transfer.boundary;

import static dev.tandem.api.Roles.OPERATOR;
import static dev.tandem.api.Roles.TELLER;
import static dev.tandem.api.Roles.VIEWER;

import dev.tandem.api.AccountDetails;
import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.LedgerTotals;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferFailureException;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.UnknownTransferException;
import dev.tandem.ledger.control.Ledgers;
import dev.tandem.ledger.entity.Account;
import dev.tandem.metrics.control.Entry;
import dev.tandem.metrics.control.Outcome;
import dev.tandem.metrics.control.TransferMetrics;
import dev.tandem.metrics.control.TransferMetrics.Call;
import dev.tandem.tracing.control.Spans;
import dev.tandem.transfer.control.DuplicateTransferException;
import dev.tandem.transfer.control.EngineAdmission;
import dev.tandem.transfer.control.TransactionFailures;
import dev.tandem.transfer.control.TransferLog;
import dev.tandem.transfer.control.TransferEngine;
import dev.tandem.transfer.control.TransferQuery;
import dev.tandem.transfer.control.TransferRegistry;
import dev.tandem.transfer.entity.TransferRecord;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Remote;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The facade for callers that are not the request queue: remote view for Java clients over IIOP or
 * remote+http, local view for the REST resources. A transfer is either <em>applied</em> (both legs, now) or
 * <em>accepted</em> for the queue (recorded {@code PENDING} and queued, in one transaction; the message-driven
 * bean applies it later). The remote view keeps the names of the public contract: {@link #transfer} applies,
 * {@link #submit} accepts, {@link #transferAsync} applies in the background; the REST resources call
 * {@link #applyInBackground} and {@link #acceptInBackground}, so that they can bound their wait. Reads run
 * without a transaction; each transfer runs in a transaction of its own, started by the engine, whatever the
 * caller brings.
 * <p>
 * Tellers make transfers; every role reads. REST callers arrive signed in, and their identity comes
 * along; remote callers log in (Payara: CSIv2 over IIOP, WildFly: an application user over remote+http).
 */
@Stateless
@DeclareRoles({TELLER, VIEWER, OPERATOR})
@RolesAllowed({TELLER, VIEWER, OPERATOR})
@Remote(TransferService.class)
@LocalBean
public class TransferServiceBean implements TransferService {

    @Inject
    TransferEngine engine;

    @Inject
    EngineAdmission admission;

    @Inject
    TransferRegistry registry;

    @Inject
    Ledgers ledgers;

    @Inject
    TransferMetrics metrics;

    @Inject
    Spans spans;

    @Override
    @RolesAllowed(TELLER)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TransferDetails transfer(TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        return remoteCall("transfer", Call.TRANSFER, request);
    }

    @Override
    @RolesAllowed(TELLER)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UUID submit(TransferRequest request) throws InvalidTransferException, TransferConflictException, TransferFailureException {
        return remoteCall("submit", Call.ACCEPTANCE, request).id();
    }

    @Override
    @RolesAllowed(TELLER)
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<TransferDetails> transferAsync(TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        return CompletableFuture.completedFuture(remoteCall("transferAsync", Call.TRANSFER, request));
    }

    /**
     * Applies a transfer on a thread of the EJB container, for the REST resources, in the caller's trace: the
     * future is the outcome, which they wait for a bounded time while a commit that cannot reach a resource
     * goes on being retried.
     */
    @RolesAllowed(TELLER)
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<TransferDetails> applyInBackground(TransferRequest request, TraceContext trace)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        return CompletableFuture.completedFuture(measured(Call.TRANSFER, Entry.REST, request, trace));
    }

    /**
     * Accepts a transfer for the queue ({@link #submit}) on a thread of the EJB container, for the REST
     * resources, in the caller's trace: the future is the transfer as it stands, {@code PENDING}, or its outcome
     * if the id was settled before.
     */
    @RolesAllowed(TELLER)
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<TransferDetails> acceptInBackground(TransferRequest request, TraceContext trace)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        return CompletableFuture.completedFuture(measured(Call.ACCEPTANCE, Entry.REST, request, trace));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TransferDetails findTransfer(UUID id) throws UnknownTransferException {
        return registry.find(id).map(TransferRecord::details).orElseThrow(() -> new UnknownTransferException(id));
    }

    /** The transfers {@code query} finds, newest first, at most {@code limit}: for the REST resources. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TransferDetails> search(TransferQuery query, int limit) {
        return registry.search(query, limit).stream().map(TransferRecord::details).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AccountDetails> accounts() {
        // a plain ArrayList: it travels by value over IIOP
        return ledgers.accounts().stream().map(Account::details).collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccountDetails findAccount(String id) throws UnknownAccountException {
        return ledgers.find(id).map(Account::details).orElseThrow(() -> new UnknownAccountException(id));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LedgerTotals totals() {
        return ledgers.totals();
    }

    /** The engine applies the transfer ({@code TRANSFER}) or accepts it for the queue ({@code ACCEPTANCE}), timed and counted by outcome. */
    private TransferDetails measured(Call call, Entry entry, TransferRequest request, TraceContext trace)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        Timer.Sample started = metrics.start();
        Outcome outcome = Outcome.FAILED;
        try {
            TransferRequest identified = identified(request);
            TransferDetails result = onceMoreIfRaced(identified, trace, call == Call.TRANSFER
                    ? () -> engine.apply(identified, TransferMode.SYNC, trace)
                    : () -> engine.accept(identified, trace));
            outcome = Outcome.of(result);
            return result;
        } catch (InvalidTransferException | TransferConflictException | TransferFailureException refused) {
            outcome = Outcome.of(refused);
            throw refused;
        } finally {
            metrics.ended(call, entry, started, outcome, request == null ? null : request.currency());
        }
    }

    private interface EngineCall {
        TransferDetails run() throws TransferConflictException, DuplicateTransferException;
    }

    /**
     * Runs an engine call, in a transaction of its own that commits when it returns. A transaction
     * that loses the race to record a transfer id rolls back; by the time it has, the winner's record
     * is there, and running the call again answers with it. A technical failure reaches the caller
     * classified ({@link TransactionFailures#classify}), a heuristic outcome counted first.
     */
    private TransferDetails onceMoreIfRaced(TransferRequest request, TraceContext trace, EngineCall call)
            throws TransferConflictException, TransferFailureException {
        try {
            admission.enter();
            try {
                return call.run();
            } catch (DuplicateTransferException lostRace) {
                return call.run();
            } finally {
                admission.leave();
            }
        } catch (DuplicateTransferException impossible) {
            throw new IllegalStateException(impossible);
        } catch (RuntimeException failure) {
            if (TransactionFailures.isHeuristic(failure)) {
                metrics.heuristicOutcome(request.id(), trace, failure);
            }
            throw TransactionFailures.classify(TransferLog.subject(request.id(), trace), request.id(), failure).orElseThrow(() -> failure);
        }
    }

    /**
     * A remote EJB call, in a span of its own whose parent is the caller's trace, which the request carries (the
     * remote EJB has no headers).
     */
    private TransferDetails remoteCall(String method, Call call, TransferRequest request)
            throws InvalidTransferException, TransferConflictException, TransferFailureException {
        try (Spans.Traced span = spans.start(TransferService.class.getSimpleName() + "/" + method, SpanKind.SERVER,
                request == null ? null : request.traceparent())) {
            try {
                return measured(call, Entry.EJB, request, span.trace());
            } catch (TransferFailureException | RuntimeException failure) {
                span.failed(failure);
                throw failure;
            }
        }
    }

    /** Checks the request and gives it an id if the client did not. */
    private static TransferRequest identified(TransferRequest request) throws InvalidTransferException {
        if (request == null) {
            throw new InvalidTransferException("a transfer request is required");
        }
        request.requireWellFormed();
        return request.identified();
    }
}
