package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remote EJB over IIOP, called from a separate JVM exactly as a user calls it:
 * {@code ./tandem transfer --via ejb}, which looks up {@code TransferService.JNDI_NAME} with Payara's
 * client library. Accounts A-0021, B-0021 and B-0022.
 */
@ExtendWith(ConservationCheck.class)
class RemoteEjbIT {

    record Run(int exitCode, String output) {
    }

    @Test
    void aTransferOverIiopFromAnotherJvmMovesMoneyAcrossTheLedgers() throws Exception {
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
    void aRejectionAndAConflictComeBackOverIiopAsWell() throws Exception {
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
    void readsOverIiopMatchTheRestApi() throws Exception {
        Run run = tandem("accounts", "B-0021", "--via", "ejb");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("B-0021", Tandem.balance("B-0021").toPlainString());
    }

    /** Runs the launcher against the instance under test; kills it by PID if it hangs. */
    private static Run tandem(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Tandem.ROOT.resolve("tandem").toString());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TANDEM_VAR", Tandem.VAR.toString());
        Process process = builder.start();
        try {
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e);
                }
            });
            reader.start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            assertThat(finished).as("./tandem %s finished within 120 s", String.join(" ", arguments)).isTrue();
            reader.join(10_000);
            return new Run(process.exitValue(), output.toString());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
