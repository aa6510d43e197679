package dev.tandem.client.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.HeuristicOutcomeException;
import dev.tandem.api.OutcomeUnknownException;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.client.chaos.History.Told;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void onlyATypedRefusalOrARefusedConnectionSaysNothingHappened() {
        assertThat(Answers.of(new TransferUnavailableException(ID, "ledger B is down"))).isEqualTo(Told.UNAVAILABLE);
        assertThat(Answers.of(new UncheckedIOException("cannot reach Tandem", new ConnectException("refused")))).isEqualTo(Told.UNAVAILABLE);

        assertThat(Answers.of(new UncheckedIOException("cannot reach Tandem", new IOException("connection reset")))).isEqualTo(Told.UNKNOWN);
        assertThat(Answers.of(new OutcomeUnknownException(ID, "not recorded within 20 s"))).isEqualTo(Told.UNKNOWN);
        assertThat(Answers.of(new IllegalStateException("Tandem answered 404"))).isEqualTo(Told.UNKNOWN);
        assertThat(Answers.of(new HeuristicOutcomeException(ID, "mixed"))).isEqualTo(Told.HEURISTIC);
    }
}
