package dev.tandem.client;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.TransferService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transfer", description = "Moves money and prints the outcome: synchronously, queued (--async) or in the background (--future).")
class TransferCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    Endpoints endpoints;

    @Option(names = "--from", required = true, description = "source account, e.g. A-0001")
    String from;

    @Option(names = "--to", required = true, description = "target account, e.g. B-0001")
    String to;

    @Option(names = "--amount", required = true, description = "decimal amount, e.g. 10.00")
    BigDecimal amount;

    @Option(names = "--currency", defaultValue = "EUR", description = "ISO currency code (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--id", description = "transfer id (UUID) to make a retry safe (default: a new one)")
    UUID id;

    @Option(names = "--async", description = "queue the transfer (REST: Prefer: respond-async, EJB: submit) and poll for the outcome")
    boolean async;

    @Option(names = "--future", description = "let the server run it in the background (EJB: @Asynchronous) and wait on the future")
    boolean future;

    @Option(names = "--traceparent", description = "the W3C trace to make it in, 00-<trace id>-<span id>-01 (default: a new one)")
    String traceparent;

    @Override
    public Integer call() throws Exception {
        var request = new TransferRequest(id == null ? UUID.randomUUID() : id, from, to, amount, currency).inTrace(traceparent);
        TransferService service = endpoints.connect("teller");
        TransferDetails outcome;
        if (async) {
            outcome = awaitOutcome(service, service.submit(request));
        } else if (future) {
            try {
                outcome = service.transferAsync(request).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        } else {
            outcome = service.transfer(request);
        }
        System.out.println(Report.line(outcome, endpoints.channel()));
        return outcome.status() == TransferStatus.REJECTED ? TandemCli.REJECTED : 0;
    }

    /** Polls a queued transfer until it is settled. */
    static TransferDetails awaitOutcome(TransferService service, UUID id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        TransferDetails transfer = service.findTransfer(id);
        while (!transfer.status().isFinal()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("transfer " + id + " is still " + transfer.status() + " after " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
            transfer = service.findTransfer(id);
        }
        return transfer;
    }
}
