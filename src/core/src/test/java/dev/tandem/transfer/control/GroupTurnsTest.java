package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupTurnsTest {

    private final GroupTurns turns = new GroupTurns(Duration.ofSeconds(10), Duration.ofSeconds(10));

    @Test
    void theNextRequestOfAGroupWaitsUntilTheOneInHandHasCommitted() throws Exception {
        GroupTurns.Turn first = turns.take("A-0001", "x");
        CompletableFuture<GroupTurns.Turn> next = CompletableFuture.supplyAsync(() -> turns.take("A-0001", "y"));

        assertThat(next).as("waits while x is in hand").isNotCompleted();
        Thread.sleep(200);
        assertThat(next).isNotCompleted();
        first.afterCompletion(Status.STATUS_COMMITTED);

        assertThat(next).succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void otherGroupsAndRequestsWithoutAGroupDoNotWait() {
        turns.take("A-0001", "x");

        assertThat(CompletableFuture.supplyAsync(() -> turns.take("A-0002", "y"))).succeedsWithin(5, TimeUnit.SECONDS);
        assertThat(CompletableFuture.supplyAsync(() -> turns.take(null, "z"))).succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void afterARollbackTheTurnIsKeptForTheRedeliveryOfThatRequest() {
        turns.take("A-0001", "x").afterCompletion(Status.STATUS_ROLLEDBACK);
        CompletableFuture<GroupTurns.Turn> later = CompletableFuture.supplyAsync(() -> turns.take("A-0001", "y"));

        GroupTurns.Turn redelivered = turns.take("A-0001", "x");
        assertThat(later).as("y waits for x's redelivery and its outcome").isNotCompleted();
        redelivered.afterCompletion(Status.STATUS_COMMITTED);

        assertThat(later).succeedsWithin(5, TimeUnit.SECONDS);
    }

    @Test
    void aKeptTurnLapsesWhenTheRedeliveryDoesNotCome() {
        var shortReservation = new GroupTurns(Duration.ofSeconds(10), Duration.ofMillis(300));
        shortReservation.take("A-0001", "x").afterCompletion(Status.STATUS_ROLLEDBACK);
        long started = System.nanoTime();

        shortReservation.take("A-0001", "y").afterCompletion(Status.STATUS_COMMITTED);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(shortReservation.taken()).as("nothing kept once y committed").isZero();
    }

    @Test
    void aRequestThatRunsOutOfPatienceGoesAheadWithoutATurn() {
        var impatient = new GroupTurns(Duration.ofMillis(300), Duration.ofSeconds(10));
        GroupTurns.Turn first = impatient.take("A-0001", "x");

        GroupTurns.Turn next = impatient.take("A-0001", "y");
        next.afterCompletion(Status.STATUS_COMMITTED);

        assertThat(impatient.taken()).as("x still holds its turn").isEqualTo(1);
        first.afterCompletion(Status.STATUS_COMMITTED);
        assertThat(impatient.taken()).isZero();
    }
}
