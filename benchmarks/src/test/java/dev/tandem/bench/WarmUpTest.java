package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void twoRoundsSayNothingYet() {
        assertThat(after(8.4, 8.3).steady()).isFalse();
    }

    @Test
    void oneRoundThatNoLongerGainsMuchIsNotEnough() {
        assertThat(after(28.3, 12.7, 10.2, 6.7, 5.8, 5.6).steady()).as("5.8 was 13 %% below 6.7").isFalse();
    }

    @Test
    void aServerThatKeepsGettingCheaperIsNotWarm() {
        assertThat(after(8.4, 6.1, 4.9).steady()).isFalse();
    }

    @Test
    void twoRoundsThatNoLongerBeatTheBestBeforeThemByMuchMeanWarm() {
        assertThat(after(8.4, 4.0, 3.85, 3.9).steady()).isTrue();
    }

    @Test
    void aNoisyDearerRoundAmongThemAlsoMeansWarm() {
        WarmUp warmUp = after(5.0, 3.9, 4.3, 3.8);
        assertThat(warmUp.steady()).isTrue();
        assertThat(warmUp.rounds()).containsExactly(5.0, 3.9, 4.3, 3.8);
    }

    private static WarmUp after(double... cpuMillisPerTransfer) {
        var warmUp = new WarmUp();
        for (double round : cpuMillisPerTransfer) {
            warmUp.round(round);
        }
        return warmUp;
    }
}
