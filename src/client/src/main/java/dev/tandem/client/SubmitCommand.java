package dev.tandem.client;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.client.jms.TransferSubmitter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "submit", description = {
        "Sends transfers to the request queue as a JMS producer and waits for their replies.",
        "Without --file or --from/--to: random transfers between the demo EUR accounts of both ledgers."})
class SubmitCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions broker;

    @Option(names = "--file", description = "CSV of id,from,to,amount,currency (id may be empty)")
    Path file;

    @Option(names = "--from", description = "source account for --count identical transfers")
    String from;

    @Option(names = "--to", description = "target account for --count identical transfers")
    String to;

    @Option(names = "--amount", description = "amount for --count identical transfers")
    BigDecimal amount;

    @Option(names = "--currency", defaultValue = "EUR", description = "currency (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--count", defaultValue = "100", description = "how many transfers (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds to wait for the replies (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        List<TransferRequest> requests = requests();
        System.err.printf("Sending %d transfers to %s%n", requests.size(), broker.url);
        boolean console = System.console() != null;
        SubmitReport report = new TransferSubmitter(broker.broker().connectionFactory()).submit(requests,
                Duration.ofSeconds(timeoutSeconds), replies -> {
                    String line = "replies %d/%d".formatted(replies, requests.size());
                    System.err.print(console ? "\r" + line : line + System.lineSeparator());
                });
        if (console) {
            System.err.println();
        }
        System.out.println(report.summary());
        report.unanswered().forEach(id -> System.out.println("no reply for " + id));
        report.repliedTwice().forEach(id -> System.out.println("more than one reply for " + id));
        return report.unanswered().isEmpty() && report.repliedTwice().isEmpty() ? 0 : TandemCli.FAILED;
    }

    private List<TransferRequest> requests() throws IOException {
        if (file != null) {
            return fromCsv(Files.readAllLines(file));
        }
        var requests = new ArrayList<TransferRequest>();
        var demo = new DemoTransfers();
        for (int i = 0; i < count; i++) {
            if (from != null || to != null) {
                if (from == null || to == null || amount == null) {
                    throw new IllegalArgumentException("--from, --to and --amount go together");
                }
                requests.add(new TransferRequest(UUID.randomUUID(), from, to, amount, currency));
            } else {
                requests.add(demo.next());
            }
        }
        return requests;
    }

    static List<TransferRequest> fromCsv(List<String> lines) {
        var requests = new ArrayList<TransferRequest>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id,")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 5) {
                throw new IllegalArgumentException("expected id,from,to,amount,currency, got: " + line);
            }
            UUID id = fields[0].isBlank() ? UUID.randomUUID() : UUID.fromString(fields[0].strip());
            requests.add(new TransferRequest(id, fields[1].strip(), fields[2].strip(),
                    new BigDecimal(fields[3].strip()), fields[4].strip()));
        }
        return requests;
    }
}
