package dev.tandem.client;

import dev.tandem.api.json.TransferJson;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "statement", description = "An account's statement, newest first, a page at a time: each entry with its"
        + " transfer, amount and the balance it left.")
class StatementCommand implements Callable<Integer> {

    @Mixin
    RestEndpoint endpoint;

    @Mixin
    Paging paging;

    @Parameters(paramLabel = "ACCOUNT", description = "the account, e.g. A-0001")
    String account;

    @Override
    public Integer call() throws Exception {
        var service = endpoint.connect("viewer");
        paging.print(System.out, Report.ENTRY_HEADING, service.statement(account, paging.query(Map.of())),
                next -> service.page(next, TransferJson::parseEntry), Report::row);
        return 0;
    }
}
