package dev.tandem.client;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Prints one transfer and its outcome.")
class ShowCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "ID", description = "the transfer id")
    UUID id;

    @Override
    public Integer call() throws Exception {
        System.out.println(Report.line(endpoints.connect("viewer").findTransfer(id)));
        return 0;
    }
}
