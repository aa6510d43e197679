package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedeliveryBackoffTest {

    @Test
    void theFirstDeliveryGoesAtOnceThenThePausesDoubleUpToThirtySeconds() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(RedeliveryBackoff::before).map(Duration::toSeconds))
                .containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
        assertThat(RedeliveryBackoff.before(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aShorterLongestPauseCutsTheDoublingShort() {
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(attempt -> RedeliveryBackoff.before(attempt, Duration.ofSeconds(4)))
                .map(Duration::toSeconds)).containsExactly(0L, 1L, 2L, 4L, 4L, 4L, 4L, 4L, 4L, 4L);
    }
}
