package dev.tandem.client.jms;

import dev.tandem.api.jms.TransferMessaging;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What came of a batch of submitted requests: the replies by correlation id (the transfer id), and
 * any correlation id that got more than one reply, which Tandem must never send.
 */
public record SubmitReport(int sent, Map<String, Reply> replies, List<String> repliedTwice, List<String> unanswered,
                           Duration elapsed) {

    public long count(String status) {
        return replies.values().stream().filter(reply -> reply.status().equals(status)).count();
    }

    public String summary() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return "sent %d, replies %d (completed %d, rejected %d, invalid %d, conflict %d), timed out %d, in %.1f s (%.0f transfers/s)"
                .formatted(sent, replies.size(), count("COMPLETED"), count("REJECTED"), count(TransferMessaging.INVALID),
                        count(TransferMessaging.CONFLICT), unanswered.size(), seconds, replies.size() / seconds);
    }
}
