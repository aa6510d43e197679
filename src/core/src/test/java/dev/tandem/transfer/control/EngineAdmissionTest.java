package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
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
    void aRedeliveryIsHeldForItsWholePauseAlsoWhileTheApplicationStopsAndTheDrainDoesNotWaitForIt() throws Exception {
        FutureTask<Void> held = new FutureTask<>(() -> admission.holdRedelivery(Duration.ofMillis(500)), null);
        long started = System.nanoTime();
        new Thread(held).start();

        assertThat(admission.closeAndDrain(Duration.ofSeconds(10))).isTrue();
        assertThat(held).as("still held after the drain").isNotDone();
        held.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void callsGoInAndOutWhileARedeliveryIsHeld() throws Exception {
        FutureTask<Void> held = new FutureTask<>(() -> admission.holdRedelivery(Duration.ofSeconds(5)), null);
        new Thread(held).start();

        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
            admission.enterQueued();
            admission.leave();
        });

        call.get(1, TimeUnit.SECONDS);
        assertThat(held).as("still held").isNotDone();
    }

    /**
     * Callers reach the bean through its CDI proxy, and Weld's proxy synchronizes its overrides of synchronized
     * methods on itself: a caller waiting inside one would hold every other caller up (found by ./tandem chaos:
     * one held redelivery stalled all deliveries and synchronous transfers).
     */
    @Test
    void noMethodIsSynchronizedSinceTheCdiProxyWouldSynchronizeOnItselfToo() {
        assertThat(Arrays.stream(EngineAdmission.class.getDeclaredMethods()).filter(method -> Modifier.isSynchronized(method.getModifiers())))
                .isEmpty();
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
