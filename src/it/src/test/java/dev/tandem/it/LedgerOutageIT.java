package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.DeadLetters;
import dev.tandem.client.jms.DeadLetters.DeadLetter;
import dev.tandem.client.jms.Reply;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.it.Processes.Run;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Technical failures on the asynchronous path: a ledger that cannot be reached makes every attempt
 * roll back, each redelivery is held a growing pause (1, 2, 4, 8, 16 s, then every 30 s), and after
 * ten attempts (about 2.5 minutes) the request goes to the dead-letter queue for an operator. Nothing
 * is lost and nothing applies twice.
 * Accounts A-0026, A-0027, B-0026, B-0027.
 */
@ExtendWith(ConservationCheck.class)
class LedgerOutageIT {

    /**
     * The outages below are short: the request queue must be served before one begins, not still waiting
     * for the server's start-up recovery (which a test class before this one may have set off by a restart).
     */
    @BeforeEach
    void queuedRequestsAreServed() {
        SubmitReport served = Tandem.submit(transfers(1, "A-0026", "B-0026", "0.01"), Duration.ofMinutes(3));
        assertThat(served.replies().values()).extracting(Reply::status).containsExactly("COMPLETED");
    }

    @Test
    void queuedRequestsWaitOutALedgerOutageAndCompleteOnceItIsBack() throws Exception {
        var before = Tandem.balances("A-0026", "B-0026");
        List<TransferRequest> run = transfers(10, "A-0026", "B-0026", "1.00");
        CompletableFuture<SubmitReport> replies;
        try (var outage = LedgerOutage.ofLedgerB()) {
            replies = CompletableFuture.supplyAsync(() -> Tandem.submit(run, Duration.ofMinutes(2)));
            // meanwhile a synchronous caller is told clearly that nothing happened
            var refused = Tandem.postJson("transfers",
                    "{\"from\":\"A-0026\",\"to\":\"B-0026\",\"amount\":\"1.00\",\"currency\":\"EUR\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(Tandem.json(refused).getString("type")).isEqualTo("urn:tandem:problem:service-unavailable");
            // let the first deliveries fail (at 0 s and 1 s); the third comes at about 3 s
            Thread.sleep(2_500);
        }
        SubmitReport report = replies.join();

        assertThat(report.unanswered()).isEmpty();
        assertThat(report.repliedTwice()).isEmpty();
        assertThat(report.replies().values()).extracting(Reply::status).containsOnly("COMPLETED");
        // one source account, one message group: while its first request is held before its redelivery,
        // the rest of the group waits behind it, so that they still apply in order
        assertThat(report.replies().values()).extracting(Reply::deliveryAttempt)
                .as("deliveries that failed during the outage were redelivered").anySatisfy(attempt -> assertThat(attempt).isGreaterThan(1));
        assertThat(Tandem.balance("A-0026")).isEqualByComparingTo(before.get("A-0026").subtract(BigDecimal.TEN));
        assertThat(Tandem.balance("B-0026")).isEqualByComparingTo(before.get("B-0026").add(BigDecimal.TEN));
    }

    @Test
    void requestsThatKeepFailingAreDeadLetteredThenReplayedByAnOperatorAndAppliedOnce() throws Exception {
        var before = Tandem.balances("A-0027", "B-0027");
        // one request: the requests of one message group are dead-lettered one after the other, each after
        // its ten attempts, since the later ones wait behind the first to keep their order (and so may
        // those of other groups that share its session)
        List<TransferRequest> run = transfers(1, "A-0027", "B-0027", "5.00");
        List<String> ids = run.stream().map(request -> request.id().toString()).toList();
        var deadLetters = new DeadLetters(Tandem.BROKER.connectionFactory());
        try (var outage = LedgerOutage.ofLedgerB()) {
            SubmitReport report = Tandem.submit(run, Duration.ofSeconds(5));
            assertThat(report.replies()).as("no outcome while ledger B is out").isEmpty();

            Polling.until(Duration.ofMinutes(4), () -> deadLettersAmong(deadLetters, ids),
                    letters -> letters.size() == ids.size());
            for (String id : ids) {
                assertThat(Tandem.get("transfers/" + id).statusCode()).as("no record of " + id).isEqualTo(404);
            }
        }
        assertThat(Tandem.balances("A-0027", "B-0027")).as("nothing applied before the replay").isEqualTo(before);

        List<String> replayCommand = new ArrayList<>(List.of("dlq", "replay"));
        replayCommand.addAll(ids);
        Run replay = Tandem.launcher(replayCommand.toArray(String[]::new));

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("replayed 1 dead letter(s)");
        for (String id : ids) {
            Polling.until(Duration.ofSeconds(30), () -> Tandem.json(Tandem.get("transfers/" + id)),
                    transfer -> transfer.getString("status", "").equals("COMPLETED"));
        }
        assertThat(deadLettersAmong(deadLetters, ids)).isEmpty();
        assertThat(Tandem.balance("A-0027")).isEqualByComparingTo(before.get("A-0027").subtract(new BigDecimal("5.00")));
        assertThat(Tandem.balance("B-0027")).isEqualByComparingTo(before.get("B-0027").add(new BigDecimal("5.00")));
    }

    private static List<DeadLetter> deadLettersAmong(DeadLetters deadLetters, List<String> ids) {
        try {
            return deadLetters.list().stream().filter(letter -> ids.contains(letter.transferId())).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TransferRequest> transfers(int count, String from, String to, String amount) {
        var run = new ArrayList<TransferRequest>();
        for (int i = 0; i < count; i++) {
            run.add(new TransferRequest(UUID.randomUUID(), from, to, new BigDecimal(amount), "EUR"));
        }
        return run;
    }

}
