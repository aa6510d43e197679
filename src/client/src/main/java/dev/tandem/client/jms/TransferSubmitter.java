package dev.tandem.client.jms;

import static dev.tandem.api.jms.TransferMessaging.GROUP_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.json.TransferJson;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A JMS producer of transfer requests: sends them to {@code tandem.transfers}, each with its transfer
 * id as correlation id, the source account as message group, and a temporary queue of its own as
 * {@code JMSReplyTo}; then collects the replies until every request has one or time runs out.
 */
public final class TransferSubmitter {

    private final ConnectionFactory connectionFactory;

    public TransferSubmitter(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /**
     * @param progress told the number of replies so far, about once a second while waiting
     */
    public SubmitReport submit(List<TransferRequest> requests, Duration timeout, Consumer<Integer> progress)
            throws InterruptedException {
        Map<String, Reply> replies = new ConcurrentHashMap<>();
        List<String> repliedTwice = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try (JMSContext producing = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSContext consuming = producing.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replyQueue = producing.createTemporaryQueue();
            consuming.createConsumer(replyQueue).setMessageListener(message -> {
                Reply reply = Reply.of(message);
                if (replies.putIfAbsent(reply.correlationId(), reply) != null) {
                    repliedTwice.add(reply.correlationId());
                }
            });
            var requestQueue = producing.createQueue(REQUEST_QUEUE);
            var producer = producing.createProducer().setJMSReplyTo(replyQueue);
            for (TransferRequest request : requests) {
                producer.setJMSCorrelationID(request.id().toString())
                        .setProperty(GROUP_PROPERTY, request.from())
                        .setProperty(TRANSFER_ID_PROPERTY, request.id().toString())
                        .send(requestQueue, TransferJson.toJson(request).toString());
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (replies.size() < requests.size() && System.nanoTime() < deadline) {
                progress.accept(replies.size());
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            // replies that come in twice come in close together: give a second one a moment to show up
            Thread.sleep(500);
            progress.accept(replies.size());
        }
        List<String> unanswered = new ArrayList<>();
        requests.forEach(request -> {
            if (!replies.containsKey(request.id().toString())) {
                unanswered.add(request.id().toString());
            }
        });
        return new SubmitReport(requests.size(), Map.copyOf(replies), List.copyOf(repliedTwice), unanswered,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
