package dev.tandem.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "totals", description = "Prints balances summed per ledger and currency, and overall.")
class TotalsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Override
    public Integer call() {
        System.out.print(Report.totals(endpoints.connect("viewer").totals()));
        return 0;
    }
}
