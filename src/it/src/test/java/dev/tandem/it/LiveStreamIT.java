package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.jms.SubmitReport;
import dev.tandem.it.EventStream.Event;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /transfers/events} with a real HTTP client: every committed outcome of a mixed run of
 * synchronous and asynchronous transfers arrives once, in sequence order, nothing that did not commit
 * arrives, and a subscriber that reconnects with {@code Last-Event-ID} gets exactly what it missed.
 * Accounts A-0038, A-0039, B-0038, B-0039.
 */
@ExtendWith(ConservationCheck.class)
class LiveStreamIT {

    private static final java.net.URI EVENTS = Tandem.API.resolve("transfers/events");

    @Test
    void subscribersGetEveryCommittedOutcomeOnceAndResumeWhereTheyLeftOff() throws Exception {
        Set<String> completed = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        Set<String> queuedOverRest = new HashSet<>();
        String lastSeen;
        try (EventStream stream = EventStream.open(EVENTS, null, Tandem.VIEWER.basicAuthorization())) {
            for (int i = 0; i < 5; i++) {
                completed.add(post(json(UUID.randomUUID(), "A-0038", "B-0038", "1.00"), 201));
            }
            rejected.add(post(json(UUID.randomUUID(), "A-0038", "B-0038", "900000.00"), 422));
            rejected.add(post(json(UUID.randomUUID(), "B-0039", "A-0039", "0.001"), 422));
            post("{\"from\":\"A-0038\"}", 400);
            String reused = post(json(UUID.randomUUID(), "A-0039", "B-0039", "1.00"), 201);
            completed.add(reused);
            post(json(UUID.fromString(reused), "A-0039", "B-0039", "2.00"), 409);
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                var accepted = Tandem.postJson("transfers", json(UUID.fromString(id), "B-0039", "A-0039", "1.50"), "Prefer", "respond-async");
                assertThat(accepted.statusCode()).isEqualTo(202);
                queuedOverRest.add(id);
                completed.add(id);
            }
            List<TransferRequest> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(new TransferRequest(UUID.randomUUID(), "B-0038", "A-0038", new BigDecimal("0.50"), "EUR"));
            }
            SubmitReport replies = Tandem.submit(queued, Duration.ofMinutes(1));
            assertThat(replies.unanswered()).isEmpty();
            queued.forEach(request -> completed.add(request.id().toString()));

            List<Event> events = stream.collect(seen -> outcomes(seen).keySet().containsAll(completed)
                    && outcomes(seen).keySet().containsAll(rejected), Duration.ofSeconds(60), Duration.ofSeconds(2));

            assertThat(events).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            Map<String, List<Event>> outcomes = outcomes(events);
            assertThat(outcomes.keySet()).as("transfers with an outcome on the stream")
                    .containsExactlyInAnyOrderElementsOf(union(completed, rejected));
            outcomes.forEach((id, forId) -> assertThat(forId).as("outcomes of " + id).hasSize(1));
            completed.forEach(id -> assertThat(outcomes.get(id).get(0).name()).isEqualTo("completed"));
            rejected.forEach(id -> assertThat(outcomes.get(id).get(0).name()).isEqualTo("rejected"));
            assertThat(events.stream().filter(event -> event.name().equals("accepted")).map(LiveStreamIT::transferId))
                    .containsExactlyInAnyOrderElementsOf(queuedOverRest);
            for (String id : queuedOverRest) {
                assertThat(position(events, id, "accepted")).as("accepted before completed").isLessThan(position(events, id, "completed"));
            }
            lastSeen = events.get(events.size() - 1).id();
        }

        Set<String> missed = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            missed.add(post(json(UUID.randomUUID(), "A-0039", "B-0039", "1.00"), 201));
        }

        try (EventStream resumed = EventStream.open(EVENTS, lastSeen, Tandem.VIEWER.basicAuthorization())) {
            List<Event> events = resumed.collect(seen -> outcomes(seen).keySet().containsAll(missed),
                    Duration.ofSeconds(30), Duration.ofSeconds(2));

            assertThat(events.get(0).sequence()).as("the first event after " + lastSeen)
                    .isEqualTo(Long.parseLong(lastSeen.substring(lastSeen.lastIndexOf('-') + 1)) + 1);
            assertThat(outcomes(events).keySet()).containsExactlyInAnyOrderElementsOf(missed);
        }
    }

    private static String post(String body, int expectedStatus) {
        var response = Tandem.postJson("transfers", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return expectedStatus == 201 ? Tandem.json(response).getString("id")
                : expectedStatus == 422 ? Tandem.json(response).getString("transferId") : null;
    }

    private static String json(UUID id, String from, String to, String amount) {
        return Json.createObjectBuilder().add("id", id.toString()).add("from", from).add("to", to)
                .add("amount", amount).add("currency", "EUR").build().toString();
    }

    private static Map<String, List<Event>> outcomes(List<Event> events) {
        return events.stream().filter(event -> !event.name().equals("accepted"))
                .collect(Collectors.groupingBy(LiveStreamIT::transferId));
    }

    private static String transferId(Event event) {
        return Tandem.json(event.data()).getString("id");
    }

    private static int position(List<Event> events, String transferId, String name) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals(name) && transferId(events.get(i)).equals(transferId)) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " event for " + transferId);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        var union = new HashSet<>(first);
        union.addAll(second);
        return union;
    }
}
