package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.EVENTS_TOPIC;
import static dev.tandem.api.jms.TransferMessaging.INVALID_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.api.TransferRequest;
import dev.tandem.client.Credentials;
import dev.tandem.client.jms.Broker;
import dev.tandem.client.jms.DeadLetters;
import dev.tandem.client.jms.TransferSubmitter;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what on the broker: an external producer (user {@code producer}) sends transfer requests
 * and reads its replies, and nothing else; an operator reads the dead letters; nobody connects without
 * the right password. Accounts A-0030, B-0030 (USD).
 */
@ExtendWith(ConservationCheck.class)
class BrokerAccessIT {

    private static final String URL = Tandem.BROKER.url();
    private static final Broker PRODUCER = new Broker(URL, "producer", password("producer"));
    private static final Broker OPERATOR = new Broker(URL, "operator", password("operator"));

    @Test
    void aProducerSendsTransfersAndReadsItsRepliesButTouchesNothingElse() throws Exception {
        var request = new TransferRequest(UUID.randomUUID(), "A-0030", "B-0030", new BigDecimal("1.00"), "USD");
        var report = new TransferSubmitter(PRODUCER.connectionFactory()).submit(List.of(request), Duration.ofSeconds(60), replies -> { });
        assertThat(report.count("COMPLETED")).as(report.summary()).isEqualTo(1);

        try (JMSContext jms = PRODUCER.connectionFactory().createContext()) {
            for (String queue : List.of(REQUEST_QUEUE, DEAD_LETTER_QUEUE, INVALID_QUEUE)) {
                assertRefused(() -> jms.createConsumer(jms.createQueue(queue)).receiveNoWait(), "consume from " + queue);
                assertRefused(() -> jms.createBrowser(jms.createQueue(queue)).getEnumeration(), "browse " + queue);
            }
            assertRefused(() -> jms.createConsumer(jms.createTopic(EVENTS_TOPIC)), "subscribe to " + EVENTS_TOPIC);
            assertRefused(() -> jms.createProducer().send(jms.createTopic(EVENTS_TOPIC), "{}"), "publish on " + EVENTS_TOPIC);
            assertRefused(() -> jms.createProducer().send(jms.createQueue(DEAD_LETTER_QUEUE), "{}"), "send to " + DEAD_LETTER_QUEUE);
        }
    }

    @Test
    void anOperatorReadsTheDeadLettersAndFollowsTheEvents() throws Exception {
        assertThat(new DeadLetters(OPERATOR.connectionFactory()).list()).isNotNull();
        try (JMSContext jms = OPERATOR.connectionFactory().createContext()) {
            jms.createConsumer(jms.createTopic(EVENTS_TOPIC)).close();
            assertRefused(() -> jms.createConsumer(jms.createQueue(REQUEST_QUEUE)).receiveNoWait(), "consume from " + REQUEST_QUEUE);
        }
    }

    @Test
    void nobodyConnectsWithoutTheRightPassword() {
        for (Broker caller : List.of(new Broker(URL, "producer", password("producer") + "x"), new Broker(URL, "nobody", "secret"),
                new Broker(URL, null, null))) {
            assertThatThrownBy(() -> caller.connectionFactory().createContext().close())
                    .as("connecting as %s", caller.user())
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("AMQ229031");
        }
    }

    private static void assertRefused(ThrowingCallable attempt, String what) {
        assertThatThrownBy(attempt).as("not allowed: " + what)
                .isInstanceOfAny(JMSRuntimeException.class, JMSException.class)
                .hasMessageContaining("does not have permission");
    }

    private static String password(String user) {
        return Credentials.fromSecrets(Tandem.SECRETS, user).password();
    }
}
