package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void oneRoundSaysNothingYet() {
        var warmUp = new WarmUp();
        warmUp.round(8.4);
        assertThat(warmUp.steady()).isFalse();
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
    void aRoundThatNoLongerBeatsTheBestBeforeItByMuchMeansWarm() {
        var warmUp = new WarmUp();
        warmUp.round(8.4);
        warmUp.round(4.0);
        warmUp.round(3.85);
        assertThat(warmUp.steady()).isTrue();
    }

    @Test
    void aNoisyDearerRoundAfterTheBestAlsoMeansWarm() {
        var warmUp = new WarmUp();
        warmUp.round(5.0);
        warmUp.round(3.9);
        warmUp.round(4.3);
        assertThat(warmUp.steady()).isTrue();
        assertThat(warmUp.rounds()).containsExactly(5.0, 3.9, 4.3);
    }
}
