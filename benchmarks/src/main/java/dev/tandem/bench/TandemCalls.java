package dev.tandem.bench;

import static dev.tandem.api.jms.TransferMessaging.EVENTS_TOPIC;
import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.json.TransferJson;
import dev.tandem.bench.Measurement.UnexpectedAnswer;
import dev.tandem.client.Credentials;
import dev.tandem.client.jms.Broker;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Tandem's entry points as {@link TransferCall}s. Every transfer moves {@link #AMOUNT} {@link #CURRENCY}. */
final class TandemCalls {

    static final BigDecimal AMOUNT = new BigDecimal("0.01");
    static final String CURRENCY = "EUR";
    /** How long an accepted transfer may take to settle before it counts as having no outcome. */
    static final Duration SETTLE_WITHIN = Duration.ofSeconds(60);

    private TandemCalls() {
    }

    static TransferRequest request(String from, String to) {
        return new TransferRequest(UUID.randomUUID(), from, to, AMOUNT, CURRENCY);
    }

    static TransferCall.Outcome outcome(String status) throws UnexpectedAnswer {
        return switch (String.valueOf(status)) {
            case "COMPLETED" -> TransferCall.Outcome.COMPLETED;
            case "REJECTED" -> TransferCall.Outcome.REJECTED;
            default -> throw new UnexpectedAnswer("status " + status, "an outcome other than completed or rejected");
        };
    }

    /** {@code POST /transfers}, answered with the outcome: 201 completed, 422 rejected. */
    static final class SyncRest implements TransferCall {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final URI transfers;
        private final String authorization;

        SyncRest(URI api, Credentials teller) {
            this.transfers = api.resolve("transfers");
            this.authorization = teller.basicAuthorization();
        }

        @Override
        public Outcome transfer(String from, String to, long[] accepted) throws Exception {
            HttpResponse<String> response = http.send(post(request(from, to)).build(), HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 201 -> Outcome.COMPLETED;
                case 422 -> Outcome.REJECTED;
                default -> throw UnexpectedAnswer.http(response.statusCode(), response.body());
            };
        }

        HttpRequest.Builder post(TransferRequest request) {
            return HttpRequest.newBuilder(transfers).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(TransferJson.toJson(request).toString()));
        }
    }

    /** The remote EJB's {@code transfer}, over IIOP (Payara) or remote+http (WildFly). */
    static final class SyncEjb implements TransferCall {
        private final TransferService service;

        SyncEjb(TransferService service) {
            this.service = service;
        }

        @Override
        public Outcome transfer(String from, String to, long[] accepted) throws Exception {
            return service.transfer(request(from, to)).status() == TransferStatus.COMPLETED ? Outcome.COMPLETED : Outcome.REJECTED;
        }
    }

    /**
     * {@code POST /transfers} with {@code Prefer: respond-async}: accepted with 202, settled when its outcome
     * event arrives on the event topic.
     */
    static final class AsyncRest implements TransferCall {
        private final SyncRest rest;
        private final JMSContext events;
        private final Settlements settlements = new Settlements();

        AsyncRest(URI api, Credentials teller, Broker broker) {
            this.rest = new SyncRest(api, teller);
            this.events = broker.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
            events.createConsumer(events.createTopic(EVENTS_TOPIC))
                    .setMessageListener(settlements.settledBy(event -> event.getStringProperty(TRANSFER_ID_PROPERTY)));
        }

        @Override
        public Outcome transfer(String from, String to, long[] accepted) throws Exception {
            TransferRequest request = request(from, to);
            return settlements.accept(request, accepted, () -> {
                HttpResponse<String> response = rest.http.send(rest.post(request).header("Prefer", "respond-async").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw UnexpectedAnswer.http(response.statusCode(), response.body());
                }
            });
        }

        @Override
        public void close() {
            events.close();
        }
    }

    /**
     * A JMS producer: the request goes to {@code tandem.transfers} (grouped by source account), accepted
     * once the broker has it; settled when the reply arrives.
     */
    static final class AsyncJms implements TransferCall {
        private final JMSContext connection;
        private final Queue requests;
        private final TemporaryQueue replies;
        private final Settlements settlements = new Settlements();
        private final ThreadLocal<JMSContext> senders;

        AsyncJms(Broker broker) {
            this.connection = broker.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
            this.requests = connection.createQueue(REQUEST_QUEUE);
            this.replies = connection.createTemporaryQueue();
            connection.createContext(JMSContext.AUTO_ACKNOWLEDGE).createConsumer(replies)
                    .setMessageListener(settlements.settledBy(Message::getJMSCorrelationID));
            this.senders = ThreadLocal.withInitial(() -> connection.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        }

        @Override
        public Outcome transfer(String from, String to, long[] accepted) throws Exception {
            TransferRequest request = request(from, to);
            return settlements.accept(request, accepted, () -> senders.get().createProducer().setJMSReplyTo(replies)
                    .setJMSCorrelationID(request.id().toString()).setProperty(GROUP_PROPERTY, from)
                    .send(requests, TransferJson.toJson(request).toString()));
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** Asynchronous transfers waiting for the message that says how they settled. */
    static final class Settlements {
        private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

        interface Submission {
            void submit() throws Exception;
        }

        interface TransferIdOf {
            String of(Message message) throws JMSException;
        }

        /** Submits the request; once it is accepted, waits for its outcome. */
        TransferCall.Outcome accept(TransferRequest request, long[] accepted, Submission submission) throws Exception {
            var settled = new CompletableFuture<String>();
            waiting.put(request.id().toString(), settled);
            try {
                submission.submit();
                accepted[0] = System.nanoTime();
                return outcome(settled.get(SETTLE_WITHIN.toSeconds(), TimeUnit.SECONDS));
            } finally {
                waiting.remove(request.id().toString());
            }
        }

        /** Completes the waiting transfer a message names with the status the message carries. */
        MessageListener settledBy(TransferIdOf transferIdOf) {
            return message -> {
                try {
                    String transferId = transferIdOf.of(message);
                    CompletableFuture<String> future = transferId == null ? null : waiting.get(transferId);
                    if (future != null) {
                        future.complete(message.getStringProperty(STATUS_PROPERTY));
                    }
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }
}
