package dev.tandem.client;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Lists accounts and their balances.")
class AccountsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "one account only")
    String id;

    @Override
    public Integer call() throws Exception {
        var service = endpoints.connect("viewer");
        System.out.print(Report.accounts(id == null ? service.accounts() : List.of(service.findAccount(id))));
        return 0;
    }
}
