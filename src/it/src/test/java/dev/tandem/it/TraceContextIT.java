package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.EVENTS_TOPIC;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TraceContext;
import dev.tandem.it.OtlpCollector.ReceivedSpan;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One transfer is one W3C trace from the caller to the outcome: the trace a caller brings ({@code traceparent} on
 * HTTP, or as a JMS property) is recorded with the transfer ({@code traceId}) and carried by the request on the
 * queue, the reply and the outcome event; a caller without one gets a new one. The server's OpenTelemetry spans
 * (the test servers export them to {@link OtlpCollector}) are the ones carried: the REST call's, the message-driven
 * bean's as its child. Accounts A-0003, B-0003.
 */
@ExtendWith(ConservationCheck.class)
class TraceContextIT {

    static final String SERVER = "SPAN_KIND_SERVER";
    static final String CONSUMER = "SPAN_KIND_CONSUMER";

    @Test
    void aRestCallersTraceIsRecordedAndCarriedAcrossTheQueueToTheOutcomeEvent() throws Exception {
        TraceContext caller = TraceContext.start();
        String id = UUID.randomUUID().toString();
        try (JMSContext jms = Tandem.BROKER_OPERATOR.connectionFactory().createContext()) {
            JMSConsumer events = jms.createConsumer(jms.createTopic(EVENTS_TOPIC),
                    TRANSFER_ID_PROPERTY + " = '" + id + "' AND " + STATUS_PROPERTY + " = 'COMPLETED'");

            HttpResponse<String> accepted = Tandem.postJson("transfers", body(id), "Prefer", "respond-async",
                    TraceContext.TRACEPARENT, caller.traceparent());

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(Tandem.json(accepted).getString("traceId")).isEqualTo(caller.traceId());
            Message completed = events.receive(60_000);
            assertThat(completed).as("the outcome event").isNotNull();
            assertThat(traceOf(completed)).isEqualTo(caller.traceId());
        }
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("traceId")).isEqualTo(caller.traceId());
        List<ReceivedSpan> spans = exported(caller.traceId(), CONSUMER);
        ReceivedSpan processed = spans.stream().filter(span -> span.kind().equals(CONSUMER)).findFirst().orElseThrow();
        assertThat(processed.name()).isEqualTo(REQUEST_QUEUE + " process");
        assertThat(spans).filteredOn(span -> span.kind().equals(SERVER)).as("the server's spans of the REST call")
                .anyMatch(post -> post.parentSpanId().equals(caller.spanId()))
                .anyMatch(post -> post.spanId().equals(processed.parentSpanId()));
    }

    @Test
    void aJmsProducersTraceComesBackOnTheReplyAndIsRecorded() throws Exception {
        TraceContext producer = TraceContext.start();
        String id = UUID.randomUUID().toString();
        try (JMSContext jms = Tandem.BROKER.connectionFactory().createContext()) {
            Queue replies = jms.createTemporaryQueue();
            JMSConsumer answers = jms.createConsumer(replies);
            jms.createProducer().setJMSReplyTo(replies).setProperty(TraceContext.TRACEPARENT, producer.traceparent())
                    .send(jms.createQueue(REQUEST_QUEUE), body(id));

            Message reply = answers.receive(60_000);

            assertThat(reply).as("the reply").isNotNull();
            assertThat(reply.getStringProperty(STATUS_PROPERTY)).isEqualTo("COMPLETED");
            assertThat(traceOf(reply)).isEqualTo(producer.traceId());
            ReceivedSpan processed = exported(producer.traceId(), CONSUMER).stream()
                    .filter(span -> span.kind().equals(CONSUMER)).findFirst().orElseThrow();
            assertThat(processed.parentSpanId()).isEqualTo(producer.spanId());
            assertThat(TraceContext.parse(reply.getStringProperty(TraceContext.TRACEPARENT)).orElseThrow().spanId())
                    .as("the reply's parent").isEqualTo(processed.spanId());
        }
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("traceId")).isEqualTo(producer.traceId());
    }

    @Test
    void aCallerWithoutATraceOrWithAnInvalidOneGetsANewTrace() throws Exception {
        HttpResponse<String> none = Tandem.postJson("transfers", body(UUID.randomUUID().toString()));
        HttpResponse<String> invalid = Tandem.postJson("transfers", body(UUID.randomUUID().toString()),
                TraceContext.TRACEPARENT, "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(none.statusCode()).isEqualTo(201);
        assertThat(invalid.statusCode()).isEqualTo(201);
        String first = Tandem.json(none).getString("traceId");
        String second = Tandem.json(invalid).getString("traceId");
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first).isNotEqualTo("0".repeat(32));
        assertThat(exported(first, SERVER)).as("the server's spans, one of which started the trace")
                .anyMatch(span -> span.kind().equals(SERVER) && span.parentSpanId().isEmpty());
    }

    /**
     * The spans of the trace the test server has exported (to {@link OtlpCollector}) once there is one of
     * {@code kind}: it sends them in batches, every 5 s.
     */
    static List<ReceivedSpan> exported(String traceId, String kind) throws InterruptedException {
        return Polling.until(Duration.ofSeconds(30), () -> OtlpCollector.spansOf(traceId),
                spans -> spans.stream().anyMatch(span -> span.kind().equals(kind)));
    }

    private static String traceOf(Message message) throws Exception {
        return TraceContext.parse(message.getStringProperty(TraceContext.TRACEPARENT)).orElseThrow().traceId();
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0003\",\"to\":\"B-0003\",\"amount\":\"1.00\",\"currency\":\"EUR\"}";
    }
}
