package dev.tandem.client;

import jakarta.json.JsonNumber;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "counters", description = "What happened since the server started, heuristic outcomes included.")
class CountersCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "${env:TANDEM_URL:-http://localhost:8080/tandem/api}",
            description = "REST API base URL (default: ${DEFAULT-VALUE})")
    URI url;

    @Override
    public Integer call() {
        var counters = new RestTransferService(url, Credentials.fromEnvironment("operator")).counters();
        System.out.println("counters " + counters.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
        long heuristic = ((JsonNumber) counters.get("heuristic")).longValue();
        if (heuristic > 0) {
            System.out.println("HEURISTIC OUTCOMES: " + heuristic + " transaction(s) did not reach one outcome on all their"
                    + " resources; see the server log and run ./tandem verify");
        }
        return 0;
    }
}
