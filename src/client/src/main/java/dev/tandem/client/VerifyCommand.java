package dev.tandem.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", description = {
        "Checks Tandem's invariants: balances explained by entries, money conserved per currency, both legs",
        "of every transfer or neither, one outcome per accepted transfer, no prepared transaction left",
        "behind, nothing unexplained on the dead-letter queue. Exits 1 if anything is wrong."})
class VerifyCommand implements Callable<Integer> {

    @Mixin
    RestEndpoint endpoint;

    @Override
    public Integer call() {
        JsonObject report = endpoint.connect("operator").verification();
        JsonObject checked = report.getJsonObject("checked");
        String summary = ("%d accounts, %d entries, %d transfers; %d prepared transactions (%d of other databases or"
                + " transaction managers left alone), %d queued requests, %d dead letters").formatted(
                count(checked, "accounts"), count(checked, "entries"), count(checked, "transfers"),
                count(checked, "preparedTransactions"), count(checked, "otherPreparedTransactions"),
                count(checked, "queuedRequests"), count(checked, "deadLetters"));
        if (report.getBoolean("consistent")) {
            System.out.println("consistent: " + summary);
            return 0;
        }
        System.out.println("NOT consistent (" + summary + "):");
        report.getJsonArray("findings").getValuesAs(JsonString.class).forEach(finding -> System.out.println("  " + finding.getString()));
        return TandemCli.FAILED;
    }

    private static long count(JsonObject checked, String name) {
        return checked.getJsonNumber(name).longValue();
    }
}
