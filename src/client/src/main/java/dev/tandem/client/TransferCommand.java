package dev.tandem.client;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transfer", description = "Moves money synchronously and prints the outcome.")
class TransferCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        var request = new TransferRequest(id == null ? UUID.randomUUID() : id, from, to, amount, currency);
        TransferDetails outcome = endpoints.connect().transfer(request);
        System.out.println(Report.line(outcome, endpoints.channel()));
        return outcome.status() == TransferStatus.REJECTED ? TandemCli.REJECTED : 0;
    }
}
