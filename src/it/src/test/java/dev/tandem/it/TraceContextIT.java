package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.EVENTS_TOPIC;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TraceContext;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One transfer is one W3C trace from the caller to the outcome: the trace a caller brings ({@code traceparent} on
 * HTTP, or as a JMS property) is recorded with the transfer ({@code traceId}) and carried by the request on the
 * queue, the reply and the outcome event; a caller without one gets a new one. Accounts A-0003, B-0003.
 */
@ExtendWith(ConservationCheck.class)
class TraceContextIT {

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
        }
        assertThat(Tandem.json(Tandem.get("transfers/" + id)).getString("traceId")).isEqualTo(producer.traceId());
    }

    @Test
    void aCallerWithoutATraceOrWithAnInvalidOneGetsANewTrace() {
        HttpResponse<String> none = Tandem.postJson("transfers", body(UUID.randomUUID().toString()));
        HttpResponse<String> invalid = Tandem.postJson("transfers", body(UUID.randomUUID().toString()),
                TraceContext.TRACEPARENT, "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(none.statusCode()).isEqualTo(201);
        assertThat(invalid.statusCode()).isEqualTo(201);
        String first = Tandem.json(none).getString("traceId");
        String second = Tandem.json(invalid).getString("traceId");
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first).isNotEqualTo("0".repeat(32));
    }

    private static String traceOf(Message message) throws Exception {
        return TraceContext.parse(message.getStringProperty(TraceContext.TRACEPARENT)).orElseThrow().traceId();
    }

    private static String body(String id) {
        return "{\"id\":\"" + id + "\",\"from\":\"A-0003\",\"to\":\"B-0003\",\"amount\":\"1.00\",\"currency\":\"EUR\"}";
    }
}
