package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Processes.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A heuristic outcome, as the transaction manager reports it, is never silent: the caller is told,
 * the server logs it loudly, counts it, and {@code ./tandem status} shows the count. The test domain's
 * fault switch ({@code tandem.faults.dir}) makes one participant report that it rolled back on its own
 * while the others commit. Accounts A-0040 (USD), B-0040 (USD).
 */
@ExtendWith(ConservationCheck.class)
class HeuristicOutcomeIT {

    private static final Path FAULTS = Path.of(System.getProperty("tandem.faults.dir"));

    @Test
    void aHeuristicOutcomeIsAnsweredAsSuchLoggedLoudlyCountedAndShownByStatus() throws Exception {
        UUID id = UUID.randomUUID();
        Path armed = FAULTS.resolve(id.toString());
        Files.createDirectories(FAULTS);
        Files.writeString(armed, "HEURISTIC");
        long before = heuristicCount();
        try {
            var response = Tandem.postJson("transfers",
                    "{\"id\":\"" + id + "\",\"from\":\"A-0040\",\"to\":\"B-0040\",\"amount\":\"1.00\",\"currency\":\"USD\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            assertThat(Tandem.json(response).getString("type")).isEqualTo("urn:tandem:problem:heuristic-outcome");
        } finally {
            Files.deleteIfExists(armed);
            Files.deleteIfExists(FAULTS.resolve(id + ".reached"));
        }
        assertThat(heuristicCount()).isEqualTo(before + 1);
        assertThat(Files.readString(Tandem.SERVER.log()))
                .contains("HEURISTIC OUTCOME for transfer " + id);
        Run status = Tandem.launcher("status");
        assertThat(status.output()).contains("heuristic " + (before + 1), "HEURISTIC OUTCOMES");
        // the real resources all committed; only the faulty one claimed otherwise
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("status")).isEqualTo("COMPLETED");
    }

    private static long heuristicCount() {
        return Tandem.json(Tandem.get("transfers/counters", Tandem.OPERATOR)).getJsonNumber("heuristic").longValue();
    }
}
