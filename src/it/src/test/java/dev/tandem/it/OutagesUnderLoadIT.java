package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Processes.Run;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transfers flow through all three entrances at once — synchronous REST, REST with
 * {@code Prefer: respond-async}, and JMS requests straight onto the queue — while, one after the
 * other, the broker is killed ({@code kill -9}) and started again, a ledger database goes away and
 * comes back (PostgreSQL stopped and started on the real profile), and Payara is restarted normally.
 * Afterwards every transfer that was accepted has exactly one outcome, every answer a caller got is
 * the truth, callers saw clear errors (503 problem+json) rather than hangs, readiness followed each
 * outage, and {@code verify} passes. Accounts A-0001..09, B-0001..09.
 */
@ExtendWith(ConservationCheck.class)
class OutagesUnderLoadIT {

    private static final List<String> ACCOUNTS = IntStream.rangeClosed(1, 9)
            .boxed().flatMap(n -> Stream.of("A-000" + n, "B-000" + n)).toList();
    private static final int ACCEPTED_AT_LEAST = 2_000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> FINAL = Set.of("COMPLETED", "REJECTED");

    enum Phase { STEADY, BROKER_DOWN, LEDGER_DOWN, SERVER_RESTARTING }

    enum Entrance { SYNC_REST, ASYNC_REST, QUEUE }

    /**
     * One transfer a client tried, and what it was told: an HTTP status, {@code sent}, {@code io}, {@code timeout},
     * {@code outcome-unknown}; when it was tried (seconds into the test), how long the answer took, in which phase it came.
     */
    record Attempt(UUID id, Entrance entrance, Phase phase, String answer, boolean problemJson, double startedAt, double seconds,
            Phase answeredIn) {
        boolean accepted() {
            return Set.of("201", "422", "202", "sent").contains(answer);
        }

        boolean overlapsRestart() {
            return overlaps(Phase.SERVER_RESTARTING);
        }

        boolean overlaps(Phase fault) {
            return phase == fault || answeredIn == fault;
        }
    }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STEADY);
    private final AtomicBoolean flowing = new AtomicBoolean(true);
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final long testStarted = System.nanoTime();

    private final Queue<String> timeline = new ConcurrentLinkedQueue<>();

    private void enter(Phase next) {
        phase.set(next);
        timeline.add(String.format("%.1f s %s", (System.nanoTime() - testStarted) / 1e9, next));
    }

    private Attempt attempt(UUID id, Entrance entrance, Phase phase, String answer, boolean problemJson, long started) {
        return new Attempt(id, entrance, phase, answer, problemJson, (started - testStarted) / 1e9, (System.nanoTime() - started) / 1e9,
                this.phase.get());
    }

    @Test
    void everyAcceptedTransferHasOneOutcomeThroughBrokerLedgerAndServerOutages() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < 4; i++) {
                clients.submit(() -> keepCalling(Entrance.SYNC_REST, Duration.ZERO));
            }
            clients.submit(() -> keepCalling(Entrance.ASYNC_REST, Duration.ofMillis(100)));
            clients.submit(this::keepQueueing);

            Thread.sleep(8_000);
            brokerKilledAndRestarted();
            Thread.sleep(8_000);
            oneLedgerDownForAWhile();
            Thread.sleep(8_000);
            serverRestarted();
            Polling.until(Duration.ofMinutes(3), () -> attempts.stream().filter(Attempt::accepted).count(),
                    accepted -> accepted >= ACCEPTED_AT_LEAST);
        } finally {
            flowing.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("clients stopped").isTrue();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<UUID, String> outcomes = finalOutcomes();
        report(seconds, outcomes);

        assertThat(attempts.stream().filter(Attempt::accepted).count()).isGreaterThanOrEqualTo(ACCEPTED_AT_LEAST);
        assertThat(attempts).as("no caller waited in vain for %s", CALL_TIMEOUT).noneMatch(a -> a.answer().equals("timeout"));
        for (Attempt attempt : attempts) {
            String outcome = outcomes.get(attempt.id());
            String what = attempt + " now " + outcome;
            switch (attempt.answer()) {
                case "201" -> assertThat(outcome).as(what).isEqualTo("COMPLETED");
                case "422" -> assertThat(outcome).as(what).isEqualTo("REJECTED");
                case "202", "sent" -> assertThat(outcome).as(what).isIn(FINAL);
                case "503" -> assertThat(outcome).as("a 503 says nothing changed: " + what).isEqualTo("absent");
                case "io", "outcome-unknown" -> assertThat(outcome).as(what).isIn("COMPLETED", "REJECTED", "absent");
                // while the server restarts, it answers what it can (HTML error pages, 404 before the EAR is loaded)
                default -> assertThat(attempt.overlapsRestart()).as("an error other than 503 outside the restart: " + what).isTrue();
            }
            if (attempt.answer().equals("503") && !attempt.overlapsRestart()) {
                // (while the EAR is stopped or not yet loaded, Payara answers 503 itself, in HTML)
                assertThat(attempt.problemJson()).as("503 as problem+json: " + attempt).isTrue();
            }
        }
        JsonObject verification = Tandem.OPERATIONS.verification();
        assertThat(verification.getBoolean("consistent")).as("%s%n%s", verification, whenTried(verification)).isTrue();
        assertThat(verification.getJsonObject("checked").getInt("queuedRequests")).isZero();
        assertThat(verification.getJsonObject("checked").getInt("deadLetters")).isZero();
    }

    private void brokerKilledAndRestarted() throws Exception {
        enter(Phase.BROKER_DOWN);
        Processes.killByPidFile(Tandem.VAR.resolve("broker/broker.pid"), "broker");
        try {
            assertReadinessNames("broker");
            Thread.sleep(5_000);
        } finally {
            // even when the check fails: the test classes after this one need the broker
            Run start = Tandem.launcher("start");
            assertThat(start.exitCode()).as(start.output()).isZero();
        }
        Polling.until(Duration.ofSeconds(60), OutagesUnderLoadIT::readiness, OutagesUnderLoadIT::ready);
        enter(Phase.STEADY);
    }

    /**
     * On the real profile PostgreSQL, ledger A's server, is stopped and started again. The embedded H2
     * ledgers live inside the server's JVM and cannot stop on their own, so there ledger B is cut off
     * instead ({@link LedgerOutage}). The phase begins before the fault and ends once Tandem is ready again.
     */
    private void oneLedgerDownForAWhile() throws Exception {
        String ledger = Tandem.REAL_LEDGERS ? "ledgerA" : "ledgerB";
        enter(Phase.LEDGER_DOWN);
        try (AutoCloseable outage = Tandem.REAL_LEDGERS ? PostgreSqlServer.stopped() : LedgerOutage.ofLedgerB()) {
            assertReadinessNames(ledger);
            Thread.sleep(5_000);
        }
        Polling.until(Duration.ofSeconds(60), OutagesUnderLoadIT::readiness, OutagesUnderLoadIT::ready);
        enter(Phase.STEADY);
    }

    private void serverRestarted() throws Exception {
        enter(Phase.SERVER_RESTARTING);
        Tandem.SERVER.restart();
        Polling.until(Duration.ofMinutes(3), OutagesUnderLoadIT::readiness, OutagesUnderLoadIT::ready);
        enter(Phase.STEADY);
    }

    /** {@code GET /health/ready}: the status code, a space, the body; {@code -1} while nothing answers. */
    private static String readiness() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(Tandem.HEALTH).timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "-1 " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-1 interrupted";
        }
    }

    /**
     * Ready, with Tandem deployed (before the EAR is loaded, Payara has no checks at all and says UP), and the API
     * answering: Payara maps the context root a moment after the application has started.
     */
    private static boolean ready(String readiness) {
        return readiness.startsWith("200 ") && readiness.contains("\"tandem-dependencies\"") && apiAnswers();
    }

    private static boolean apiAnswers() {
        try {
            return Tandem.get("caller").statusCode() == 200;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /** Readiness turns DOWN and names the dependency that is down. */
    private static void assertReadinessNames(String dependency) throws InterruptedException {
        // a probe of a broker that is gone takes up to 12 s (messaging.asadmin)
        assertThat(Polling.until(Duration.ofSeconds(30), OutagesUnderLoadIT::readiness, OutagesUnderLoadIT::notReady))
                .as("readiness with %s down", dependency).contains("\"" + dependency + "\":\"DOWN");
    }

    private static boolean notReady(String readiness) {
        return readiness.startsWith("503 ");
    }

    private void keepCalling(Entrance entrance, Duration pause) {
        while (flowing.get()) {
            UUID id = UUID.randomUUID();
            Phase at = phase.get();
            long started = System.nanoTime();
            var request = HttpRequest.newBuilder(Tandem.API.resolve("transfers")).timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", Tandem.TELLER.basicAuthorization())
                    .POST(HttpRequest.BodyPublishers.ofString(body(id)));
            if (entrance == Entrance.ASYNC_REST) {
                request.header("Prefer", "respond-async");
            }
            try {
                var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                boolean outcomeUnknown = problem && Tandem.json(response).getString("type", "").endsWith(":outcome-unknown");
                attempts.add(attempt(id, entrance, at, outcomeUnknown ? "outcome-unknown" : String.valueOf(response.statusCode()),
                        problem, started));
                // as a well-behaved client, back off a little while the service is in trouble
                pause(response.statusCode() >= 300 && response.statusCode() != 422 ? Duration.ofMillis(200) : pause);
            } catch (HttpTimeoutException e) {
                attempts.add(attempt(id, entrance, at, "timeout", false, started));
            } catch (IOException e) {
                attempts.add(attempt(id, entrance, at, "io", false, started));
                pause(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Requests straight onto the queue, as any JMS producer would send them; a failed send is retried with the same id. */
    private void keepQueueing() {
        JMSContext jms = null;
        try {
            while (flowing.get()) {
                UUID id = UUID.randomUUID();
                Phase at = phase.get();
                long started = System.nanoTime();
                boolean sent = false;
                while (!sent && flowing.get()) {
                    try {
                        if (jms == null) {
                            jms = Tandem.BROKER.connectionFactory().createContext();
                        }
                        jms.createProducer().send(jms.createQueue(REQUEST_QUEUE), body(id));
                        sent = true;
                    } catch (JMSRuntimeException e) {
                        close(jms);
                        jms = null;
                        pause(Duration.ofMillis(500));
                    }
                }
                attempts.add(attempt(id, Entrance.QUEUE, at, sent ? "sent" : "io", false, started));
                pause(Duration.ofMillis(40));
            }
        } finally {
            close(jms);
        }
    }

    private static String body(UUID id) {
        var random = ThreadLocalRandom.current();
        String from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        String to = from;
        while (to.equals(from)) {
            to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        }
        return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":\""
                + (1 + random.nextInt(5)) + ".00\",\"currency\":\"EUR\"}";
    }

    /**
     * What became of every transfer tried: its status once it is final, or {@code absent}. Transfers that
     * were accepted asynchronously are waited for until they are final.
     */
    private Map<UUID, String> finalOutcomes() throws InterruptedException {
        var outcomes = new HashMap<UUID, String>();
        List<Attempt> open = new ArrayList<>(attempts);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!open.isEmpty()) {
            List<Attempt> stillOpen = new ArrayList<>();
            for (Attempt attempt : open) {
                var response = Tandem.get("transfers/" + attempt.id());
                assertThat(response.statusCode()).as("Tandem's answer about " + attempt).isIn(200, 404);
                assertThat(response.headers().firstValue("Content-Type")).as("Tandem's answer about " + attempt)
                        .hasValueSatisfying(type -> assertThat(type).contains("json"));
                String outcome = response.statusCode() == 404 ? "absent" : Tandem.json(response).getString("status");
                boolean waitForIt = Set.of("202", "sent").contains(attempt.answer()) || outcome.equals("PENDING");
                if (FINAL.contains(outcome) || !waitForIt) {
                    outcomes.put(attempt.id(), outcome);
                } else {
                    stillOpen.add(attempt);
                }
            }
            if (!stillOpen.isEmpty() && System.nanoTime() > deadline) {
                throw new AssertionError(stillOpen.size() + " accepted transfers never got an outcome, e.g. " + stillOpen.get(0));
            }
            open = stillOpen;
            if (!open.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        return outcomes;
    }

    /**
     * For every transfer a finding of {@code verify} names: how it was tried, when, and in which phase
     * (the fault it overlapped), with the server log to look in, which the test servers keep whole.
     */
    private String whenTried(JsonObject verification) {
        var named = new StringBuilder();
        var ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(verification.toString());
        while (ids.find()) {
            UUID id = UUID.fromString(ids.group());
            attempts.stream().filter(attempt -> attempt.id().equals(id)).forEach(attempt -> named.append(String.format(
                    "transfer %s: %s, tried %.1f s into the test in phase %s, answered %s after %.2f s in phase %s%n", id,
                    attempt.entrance(), attempt.startedAt(), attempt.phase(), attempt.answer(), attempt.seconds(), attempt.answeredIn())));
        }
        return named + "phases: " + String.join(", ", timeline) + "\nserver log (the transfer ids and the XIDs of their branches): "
                + Tandem.SERVER.log();
    }

    private void report(double seconds, Map<UUID, String> outcomes) {
        long accepted = attempts.stream().filter(Attempt::accepted).count();
        System.out.printf("Outages under load: %d transfers tried, %d accepted in %.0f s; outcomes %s%n", attempts.size(),
                accepted, seconds, outcomes.values().stream().collect(groupingBy(outcome -> outcome, TreeMap::new, counting())));
        attempts.stream().collect(groupingBy(a -> a.phase() + " " + a.entrance(), TreeMap::new,
                        groupingBy(Attempt::answer, TreeMap::new, counting())))
                .forEach((where, answers) -> System.out.printf("  %-30s %s, slowest %.1f s%n", where, answers,
                        attempts.stream().filter(a -> (a.phase() + " " + a.entrance()).equals(where))
                                .mapToDouble(Attempt::seconds).max().orElse(0)));
        System.out.println("  phases: " + String.join(", ", timeline));
        attempts.stream().sorted(Comparator.comparingDouble(Attempt::seconds).reversed()).limit(5)
                .forEach(slow -> System.out.println("  slow: " + slow));
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(JMSContext jms) {
        if (jms != null) {
            try {
                jms.close();
            } catch (JMSRuntimeException alreadyBroken) {
                // the connection went down with the broker
            }
        }
    }
}
