package dev.tandem.bench;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the clients of one point saw in its measured window: outcomes, errors by kind, and latency
 * histograms (until the outcome; for asynchronous entry points also until acceptance). A transfer counts
 * if it finished inside the window; warm-up and drain are outside it.
 */
public final class Measurement {

    /** The error kind of a transfer that was accepted but never settled within {@link TandemCalls#SETTLE_WITHIN}. */
    static final String NO_OUTCOME = "no outcome in time";

    private final long windowStart;
    private final long windowEnd;
    private final Recorder latency = new Recorder(3);
    private final Recorder acceptance = new Recorder(3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    public Measurement(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    long windowStart() {
        return windowStart;
    }

    long windowEnd() {
        return windowEnd;
    }

    public boolean inWindow(long started) {
        return started >= windowStart && started < windowEnd;
    }

    void outcome(TransferCall.Outcome outcome, long started, long accepted, long finished) {
        if (!inWindow(started) || finished > windowEnd) {
            return;
        }
        (outcome == TransferCall.Outcome.COMPLETED ? completed : rejected).increment();
        latency.recordValue(Math.max(1, (finished - started) / 1_000));
        if (accepted > 0) {
            acceptance.recordValue(Math.max(1, (accepted - started) / 1_000));
        }
    }

    void error(Throwable failure, long started) {
        if (inWindow(started)) {
            errors.computeIfAbsent(kindOf(failure), kind -> new LongAdder()).increment();
        }
    }

    static String kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof UnexpectedAnswer)) {
            cause = cause.getCause();
        }
        if (cause instanceof UnexpectedAnswer answer) {
            return answer.kind;
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return NO_OUTCOME;
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }

    long completed() {
        return completed.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    Map<String, Long> errors() {
        var counts = new TreeMap<String, Long>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    Histogram latency() {
        return latency.getIntervalHistogram();
    }

    Histogram acceptance() {
        return acceptance.getIntervalHistogram();
    }

    /** An answer that is neither an outcome nor an acceptance, e.g. {@code HTTP 503}. */
    static final class UnexpectedAnswer extends Exception {
        final String kind;

        UnexpectedAnswer(String kind, String detail) {
            super(kind + ": " + detail);
            this.kind = kind;
        }

        static UnexpectedAnswer http(int status, String body) {
            return new UnexpectedAnswer("HTTP " + status, body);
        }
    }
}
