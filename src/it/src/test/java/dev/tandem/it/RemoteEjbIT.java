package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TraceContext;
import dev.tandem.it.OtlpCollector.ReceivedSpan;
import dev.tandem.client.Credentials;
import dev.tandem.it.Processes.Run;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remote EJB over IIOP, called from a separate JVM exactly as a user calls it:
 * {@code ./tandem transfer --via ejb}, which looks up {@code TransferService.JNDI_NAME} with Payara's
 * client library (Payara) or WildFly's, logged in as the teller, or as another user where it says so.
 * Accounts A-0021, A-0022, B-0021 and B-0022.
 */
@ExtendWith(ConservationCheck.class)
class RemoteEjbIT {

    @Test
    void aTransferOverIiopFromAnotherJvmMovesMoneyAcrossTheLedgers() {
        var before = Tandem.balances("A-0021", "B-0021");
        String id = UUID.randomUUID().toString();

        Run run = tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021", "--amount", "12.34", "--id", id);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("COMPLETED", "A-0021 -> B-0021", "12.34 EUR", id, "via ejb");
        assertThat(Tandem.balance("A-0021")).isEqualByComparingTo(before.get("A-0021").subtract(new BigDecimal("12.34")));
        assertThat(Tandem.balance("B-0021")).isEqualByComparingTo(before.get("B-0021").add(new BigDecimal("12.34")));
        var recorded = Tandem.json(Tandem.get("transfers/" + id));
        assertThat(recorded.getString("status")).isEqualTo("COMPLETED");
        assertThat(recorded.getString("mode")).isEqualTo("SYNC");
    }

    @Test
    void aRemoteCallersTraceTravelsWithTheRequestAndIsRecorded() throws Exception {
        TraceContext caller = TraceContext.start();
        String synchronous = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();

        Run transfer = tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021", "--amount", "0.50", "--id", synchronous,
                "--traceparent", caller.traceparent());
        Run submit = tandem("transfer", "--via", "ejb", "--async", "--from", "A-0021", "--to", "B-0021", "--amount", "0.50",
                "--id", queued, "--traceparent", caller.traceparent());

        assertThat(transfer.exitCode()).as(transfer.output()).isZero();
        assertThat(submit.exitCode()).as(submit.output()).isZero();
        assertThat(Tandem.json(Tandem.get("transfers/" + synchronous)).getString("traceId")).isEqualTo(caller.traceId());
        assertThat(Tandem.json(Tandem.get("transfers/" + queued)).getString("traceId")).isEqualTo(caller.traceId());
        assertThat(TraceContextIT.exported(caller.traceId(), TraceContextIT.CONSUMER))
                .as("the server's spans of the two calls, children of the caller's, and the queued one's processing")
                .anySatisfy(span -> assertThat(span).extracting(ReceivedSpan::name, ReceivedSpan::kind, ReceivedSpan::parentSpanId)
                        .containsExactly("TransferService/transfer", TraceContextIT.SERVER, caller.spanId()))
                .anySatisfy(span -> assertThat(span).extracting(ReceivedSpan::name, ReceivedSpan::kind, ReceivedSpan::parentSpanId)
                        .containsExactly("TransferService/submit", TraceContextIT.SERVER, caller.spanId()));
        String untraced = UUID.randomUUID().toString();
        assertThat(tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021", "--amount", "0.50", "--id", untraced)
                .exitCode()).isZero();
        assertThat(Tandem.json(Tandem.get("transfers/" + untraced)).getString("traceId")).as("a trace of its own")
                .hasSize(32).isNotEqualTo(caller.traceId());
    }

    @Test
    void aRejectionAndAConflictComeBackOverIiopAsWell() {
        var before = Tandem.balances("A-0021", "B-0022");
        String id = UUID.randomUUID().toString();

        Run rejected = tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0022", "--amount", "999999.00", "--id", id);
        Run conflict = tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0022", "--amount", "1.00", "--id", id);

        assertThat(rejected.exitCode()).as(rejected.output()).isEqualTo(3);
        assertThat(rejected.output()).contains("REJECTED", "INSUFFICIENT_FUNDS", "A-0021 cannot cover");
        assertThat(conflict.exitCode()).as(conflict.output()).isEqualTo(1);
        assertThat(conflict.output()).contains("already requested with different content");
        assertThat(Tandem.balances("A-0021", "B-0022")).isEqualTo(before);
    }

    @Test
    void aTransferSubmittedOverIiopIsQueuedAndSettled() {
        var before = Tandem.balance("A-0022");
        String id = UUID.randomUUID().toString();

        Run run = tandem("transfer", "--via", "ejb", "--async", "--from", "A-0022", "--to", "B-0022", "--amount", "2.00", "--id", id);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("COMPLETED", id, "(async, via ejb)");
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("mode")).isEqualTo("ASYNC");
        assertThat(Tandem.balance("A-0022")).isEqualByComparingTo(before.subtract(new BigDecimal("2.00")));
    }

    @Test
    void aTransferRunByTheServerInTheBackgroundIsAwaitedThroughItsFuture() {
        var before = Tandem.balance("A-0022");
        String id = UUID.randomUUID().toString();

        Run run = tandem("transfer", "--via", "ejb", "--future", "--from", "A-0022", "--to", "B-0022", "--amount", "1.00", "--id", id);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("COMPLETED", id, "(sync, via ejb)");
        assertThat(Tandem.balance("A-0022")).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    }

    @Test
    void readsOverIiopMatchTheRestApi() {
        Run run = tandem("accounts", "B-0021", "--via", "ejb");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("B-0021", Tandem.balance("B-0021").toPlainString());
    }

    @Test
    void viewersAndOperatorsReadOverTheRemoteEjbButMoveNoMoney() {
        var before = Tandem.balances("A-0021", "B-0021");
        String id = UUID.randomUUID().toString();

        for (Credentials reader : List.of(Tandem.VIEWER, Tandem.OPERATOR)) {
            Run read = Tandem.launcherAs(reader, "accounts", "A-0021", "--via", "ejb");
            assertThat(read.exitCode()).as(read.output()).isZero();
            assertThat(read.output()).contains("A-0021", before.get("A-0021").toPlainString());
            // transfer, submit and transferAsync
            for (String mode : List.of("", "--async", "--future")) {
                var arguments = new ArrayList<>(List.of("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021",
                        "--amount", "1.00", "--id", id));
                if (!mode.isEmpty()) {
                    arguments.add(mode);
                }
                Run transfer = Tandem.launcherAs(reader, arguments.toArray(String[]::new));
                assertThat(transfer.exitCode()).as(reader.user() + " " + mode + ": " + transfer.output()).isEqualTo(1);
                assertThat(transfer.output()).as(reader.user() + " " + mode).contains("refused");
            }
        }
        assertNothingChanged(before, id);
    }

    /** A teller of its own for the wrong password: WildFly locks a user out after repeated failed logins. */
    @Test
    void aWrongPasswordOrAnUnknownUserGetsNothingOverTheRemoteEjb() {
        var before = Tandem.balances("A-0021", "B-0021");
        String id = UUID.randomUUID().toString();
        String teller = "ejb-teller-" + id.substring(0, 8);
        Run added = Tandem.launcher("users", "add", teller, "teller");
        assertThat(added.exitCode()).as(added.output()).isZero();
        try {
            for (Credentials impostor : List.of(new Credentials(teller, "not-the-password"),
                    new Credentials("nobody-" + id.substring(0, 8), Tandem.TELLER.password()))) {
                Run transfer = Tandem.launcherAs(impostor, "transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021",
                        "--amount", "1.00", "--id", id);
                Run read = Tandem.launcherAs(impostor, "accounts", "A-0021", "--via", "ejb");

                assertThat(transfer.exitCode()).as(transfer.output()).isEqualTo(1);
                assertThat(transfer.output()).contains("refused: the server did not accept the login");
                assertThat(read.exitCode()).as(read.output()).isEqualTo(1);
                assertThat(read.output()).contains("refused: the server did not accept the login");
            }
        } finally {
            Tandem.launcher("users", "remove", teller);
        }
        assertNothingChanged(before, id);
    }

    /** A technical failure reaches a remote EJB caller typed, as the same kind a REST caller's problem names. */
    @Test
    void aLedgerOutageReachesRemoteEjbAndRestCallersAsTheSameKindOfFailure() {
        var before = Tandem.balances("A-0021", "B-0021");
        String overEjb = UUID.randomUUID().toString();
        String overRest = UUID.randomUUID().toString();
        Run ejb;
        Run rest;
        try (LedgerOutage outage = LedgerOutage.ofLedgerB()) {
            ejb = tandem("transfer", "--via", "ejb", "--from", "A-0021", "--to", "B-0021", "--amount", "3.00", "--id", overEjb);
            rest = tandem("transfer", "--via", "rest", "--from", "A-0021", "--to", "B-0021", "--amount", "3.00", "--id", overRest);
        }

        for (Run run : List.of(ejb, rest)) {
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("unavailable, nothing was changed: The request could not be completed",
                    "a ledger database or the message broker failed", "applied at most once");
        }
        assertNothingChanged(before, overEjb);
        assertNothingChanged(before, overRest);
    }

    private static void assertNothingChanged(Map<String, BigDecimal> before, String id) {
        assertThat(Tandem.balances("A-0021", "B-0021")).isEqualTo(before);
        assertThat(Tandem.get("transfers/" + id).statusCode()).as("no transfer recorded").isEqualTo(404);
    }

    private static Run tandem(String... arguments) {
        return Tandem.launcher(arguments);
    }
}
