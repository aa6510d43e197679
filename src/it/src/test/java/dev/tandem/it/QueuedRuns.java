package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.json.TransferJson;
import dev.tandem.client.jms.Reply;
import dev.tandem.client.jms.SubmitReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Queued transfers as the queue tests send and check them. */
final class QueuedRuns {

    private QueuedRuns() {
    }

    /**
     * Transfers from one account, each of 5 to 10 % of its balance: about halfway the money runs out, and from then on
     * only the transfers that still fit go through, which depends on the exact order.
     *
     * @param outcomesInOrder the outcome of each transfer if they are applied in the order of {@code transfers}
     * @param balanceAfter    the source's balance then
     */
    record OrderedRun(List<TransferRequest> transfers, List<String> outcomesInOrder, BigDecimal balanceAfter) {

        static OrderedRun from(String source, BigDecimal balance, List<String> targets, int count, Random random) {
            long cents = balance.movePointRight(2).longValueExact();
            List<TransferRequest> transfers = new ArrayList<>();
            List<String> outcomes = new ArrayList<>();
            BigDecimal left = balance;
            for (int i = 0; i < count; i++) {
                var amount = BigDecimal.valueOf(Math.max(1, cents / 20 + (long) (random.nextDouble() * cents / 20)), 2);
                transfers.add(new TransferRequest(UUID.randomUUID(), source, targets.get(i % targets.size()), amount, "EUR"));
                boolean fits = amount.compareTo(left) <= 0;
                outcomes.add(fits ? "COMPLETED" : "REJECTED");
                left = fits ? left.subtract(amount) : left;
            }
            return new OrderedRun(List.copyOf(transfers), List.copyOf(outcomes), left);
        }
    }

    /**
     * Checks that every request of every producer was answered once, by a reply naming its transfer, that the transfer is
     * recorded, queued, with the reply's outcome; and gives the balances the completed ones lead to from {@code before}.
     */
    static Map<String, BigDecimal> answeredOnce(List<List<TransferRequest>> producers, List<SubmitReport> reports,
                                                Map<String, BigDecimal> before) {
        var expected = new HashMap<>(before);
        for (int producer = 0; producer < producers.size(); producer++) {
            SubmitReport report = reports.get(producer);
            assertThat(report.unanswered()).as("requests without a reply").isEmpty();
            assertThat(report.repliedTwice()).as("requests with more than one reply").isEmpty();
            for (TransferRequest request : producers.get(producer)) {
                Reply reply = report.replies().get(request.id().toString());
                assertThat(reply.transferId()).isEqualTo(request.id().toString());
                var recorded = TransferJson.parseDetails(Tandem.get("transfers/" + request.id()).body());
                assertThat(recorded.status().name()).as("recorded outcome of %s", request.id()).isEqualTo(reply.status());
                assertThat(recorded.mode().name()).isEqualTo("ASYNC");
                if (reply.status().equals("COMPLETED")) {
                    expected.merge(request.from(), request.amount().negate(), BigDecimal::add);
                    expected.merge(request.to(), request.amount(), BigDecimal::add);
                }
            }
        }
        return expected;
    }
}
