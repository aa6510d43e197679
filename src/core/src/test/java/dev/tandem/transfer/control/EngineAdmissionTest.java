package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EngineAdmissionTest {

    private final EngineAdmission admission = new EngineAdmission();

    @Test
    void closingWaitsForTheCallsInFlightAndLetsNoNewOneIn() throws Exception {
        CompletableFuture<Boolean> drained = closingWithOneCallInFlight();
        assertThat(drained).as("still a call in flight").isNotDone();

        admission.leave();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(admission::enter).isInstanceOf(EngineClosedException.class);
    }

    @Test
    void aQueuedDeliveryDuringTheDrainWaitsForItsEndBeforeItIsRefused() throws Exception {
        CompletableFuture<Boolean> drained = closingWithOneCallInFlight();
        FutureTask<Void> delivery = new FutureTask<>(admission::enterQueued, null);
        Thread deliveryThread = new Thread(delivery);
        deliveryThread.start();
        await(() -> deliveryThread.getState() == Thread.State.WAITING);
        assertThat(delivery).as("held while a call is in flight").isNotDone();

        admission.leave();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> delivery.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineClosedException.class);
    }

    @Test
    void aQueuedDeliveryIsLetInWhileTheEngineIsOpen() {
        admission.enterQueued();
        admission.leave();
    }

    @Test
    void closingGivesUpAfterItsPatienceWhenACallDoesNotFinish() throws Exception {
        admission.enter();

        assertThat(admission.closeAndDrain(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void closingWithNothingInFlightIsImmediate() throws Exception {
        admission.enter();
        admission.leave();

        assertThat(admission.closeAndDrain(Duration.ofSeconds(30))).isTrue();
    }

    /** One call in flight, then the admission closing in the background; returns once it refuses new calls. */
    private CompletableFuture<Boolean> closingWithOneCallInFlight() throws InterruptedException {
        admission.enter();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return admission.closeAndDrain(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> {
            try {
                admission.enter();
                admission.leave();
                return false;
            } catch (EngineClosedException refused) {
                return true;
            }
        });
        return drained;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
