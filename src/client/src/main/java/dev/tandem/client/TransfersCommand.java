package dev.tandem.client;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.json.TransferJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transfers", description = "Lists transfers newest first, a page at a time: every one, or those of a status,"
        + " an account, a mode or a time range.")
class TransfersCommand implements Callable<Integer> {

    @Mixin
    RestEndpoint endpoint;

    @Mixin
    Paging paging;

    @Option(names = "--status", description = "PENDING, COMPLETED or REJECTED")
    String status;

    @Option(names = "--account", description = "transfers from or to this account")
    String account;

    @Option(names = "--mode", description = "SYNC or ASYNC")
    String mode;

    @Option(names = "--since", description = "created at or after this instant, e.g. 2026-12-05T06:00:00Z")
    String since;

    @Option(names = "--until", description = "created before this instant")
    String until;

    @Override
    public Integer call() {
        var service = endpoint.connect("viewer");
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", status == null ? null : status.toUpperCase(Locale.ROOT));
        filters.put("account", account);
        filters.put("mode", mode == null ? null : mode.toUpperCase(Locale.ROOT));
        filters.put("since", since);
        filters.put("until", until);
        paging.print(System.out, Report.TRANSFER_HEADING, service.transfers(paging.query(filters)),
                next -> service.page(next, TransferJson::parseDetails), Report::row);
        return 0;
    }
}
