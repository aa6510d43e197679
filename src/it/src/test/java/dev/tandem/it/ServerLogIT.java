package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TraceContext;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server log an operator searches: every line about a transfer names it and its trace, and one switch
 * ({@code ./tandem log-format json|text}) turns the server's log into one JSON object per line and back, on
 * either server. Accounts A-0005, B-0005.
 */
@ExtendWith(ConservationCheck.class)
class ServerLogIT {

    private static final Duration LOGGED = Duration.ofSeconds(30);

    @Test
    void oneSwitchWritesTheLogAsJsonWhereAQueuedTransferCanBeFollowedByItsTrace() throws Exception {
        assertThat(Tandem.launcher("log-format", "json").exitCode()).isZero();
        List<String> lines;
        TraceContext caller = TraceContext.start();
        String id = UUID.randomUUID().toString();
        try {
            assertThat(Tandem.postJson("transfers", body(id), "Prefer", "respond-async",
                    TraceContext.TRACEPARENT, caller.traceparent()).statusCode()).isEqualTo(202);
            lines = Polling.until(LOGGED, () -> linesNaming(id), found -> found.stream().anyMatch(line -> line.contains(" completed: ")));
        } finally {
            assertThat(Tandem.launcher("log-format", "text").exitCode()).isZero();
        }

        List<String> messages = lines.stream().map(ServerLogIT::messageOf).toList();
        assertThat(messages).as("the JSON lines about transfer " + id)
                .allSatisfy(message -> assertThat(message).contains("(trace " + caller.traceId() + ")"))
                .anySatisfy(message -> assertThat(message).contains(" accepted: A-0005 -> B-0005 1.00 EUR, async"))
                .anySatisfy(message -> assertThat(message).contains(" completed: A-0005 -> B-0005 1.00 EUR, async"));
    }

    @Test
    void switchedBackTheLogIsTextThatStillNamesTheTransferAndItsTrace() throws Exception {
        assertThat(Tandem.launcher("log-format", "text").exitCode()).isZero();
        TraceContext caller = TraceContext.start();
        String id = UUID.randomUUID().toString();

        assertThat(Tandem.postJson("transfers", body(id), TraceContext.TRACEPARENT, caller.traceparent()).statusCode())
                .isEqualTo(201);

        List<String> lines = Polling.until(LOGGED, () -> linesNaming(id),
                found -> found.stream().anyMatch(line -> line.contains(" completed: ")));
        assertThat(lines).as("the lines about transfer " + id)
                .allSatisfy(line -> assertThat(line).doesNotStartWith("{").contains("(trace " + caller.traceId() + ")"))
                .anySatisfy(line -> assertThat(line)
                        .contains("Transfer " + id + " (trace " + caller.traceId() + ") completed: A-0005 -> B-0005 1.00 EUR, sync"));
    }

    private static List<String> linesNaming(String transferId) {
        try {
            return Files.readString(Tandem.SERVER.log(), StandardCharsets.ISO_8859_1).lines()
                    .filter(line -> line.contains(transferId)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of a JSON log line: Payara's JSONLogFormatter calls it LogMessage, WildFly's json-formatter message. */
    private static String messageOf(String line) {
        assertThat(line).as("a JSON log line").startsWith("{");
        JsonObject json = Tandem.json(line);
        return json.getString("LogMessage", json.getString("message", ""));
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0005\",\"to\":\"B-0005\",\"amount\":\"1.00\",\"currency\":\"EUR\"}";
    }
}
