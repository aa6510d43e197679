package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void twoRoundsSayNothingYet() {
        var warmUp = new WarmUp();
        warmUp.round(8.4);
        warmUp.round(8.3);
        assertThat(warmUp.steady()).isFalse();
    }

    @Test
    void oneRoundThatNoLongerGainsMuchIsNotEnough() {
        var warmUp = new WarmUp();
        for (double round : new double[] {28.3, 12.7, 10.2, 6.7, 5.8, 5.6}) {
            warmUp.round(round);
        }
        assertThat(warmUp.steady()).as("5.8 was 13 %% below 6.7").isFalse();
    }

    @Test
    void aServerThatKeepsGettingCheaperIsNotWarm() {
        var warmUp = new WarmUp();
        warmUp.round(8.4);
        warmUp.round(6.1);
        warmUp.round(4.9);
        assertThat(warmUp.steady()).isFalse();
    }

    @Test
    void twoRoundsThatNoLongerBeatTheBestBeforeThemByMuchMeanWarm() {
        var warmUp = new WarmUp();
        warmUp.round(8.4);
        warmUp.round(4.0);
        warmUp.round(3.85);
        warmUp.round(3.9);
        assertThat(warmUp.steady()).isTrue();
    }

    @Test
    void aNoisyDearerRoundAmongThemAlsoMeansWarm() {
        var warmUp = new WarmUp();
        warmUp.round(5.0);
        warmUp.round(3.9);
        warmUp.round(4.3);
        warmUp.round(3.8);
        assertThat(warmUp.steady()).isTrue();
        assertThat(warmUp.rounds()).containsExactly(5.0, 3.9, 4.3, 3.8);
    }
}
