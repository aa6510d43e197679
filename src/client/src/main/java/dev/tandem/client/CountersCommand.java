package dev.tandem.client;

import jakarta.json.JsonNumber;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "counters", description = "What happened since the server started, heuristic outcomes included.")
class CountersCommand implements Callable<Integer> {

    @Mixin
    RestEndpoint endpoint;

    @Override
    public Integer call() {
        var counters = endpoint.connect("operator").counters();
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
