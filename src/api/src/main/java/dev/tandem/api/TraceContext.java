package dev.tandem.api;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context ({@code traceparent}): the trace a call belongs to and the span that made it. Tandem takes
 * it from an HTTP header or a JMS message property, starts one where there is none, and hands it on with the
 * request on the queue, the reply and the outcome event, so that one transfer is one trace from the caller to the
 * outcome. The trace id is recorded with the transfer.
 */
public record TraceContext(String traceId, String spanId, boolean sampled) implements Serializable {

    /** The HTTP header and the JMS message property that carry it. */
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern HEADER = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String NO_TRACE = "0".repeat(32);
    private static final String NO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The context a {@code traceparent} value carries; empty if there is none or it is not a valid version-00 value. */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var header = HEADER.matcher(traceparent.strip());
        if (!header.matches() || header.group(1).equals(NO_TRACE) || header.group(2).equals(NO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(header.group(1), header.group(2), (Integer.parseInt(header.group(3), 16) & 1) == 1));
    }

    /** The context a {@code traceparent} value carries, or a new trace if it carries none. */
    public static TraceContext continueOrStart(String traceparent) {
        return parse(traceparent).orElseGet(TraceContext::start);
    }

    /** A new trace, sampled. */
    public static TraceContext start() {
        return new TraceContext(random(16), random(8), true);
    }

    /** A new span of the trace {@code traceId}, sampled. */
    public static TraceContext spanIn(String traceId) {
        return new TraceContext(traceId, random(8), true);
    }

    /** As a {@code traceparent} value. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String random(int bytes) {
        byte[] id = new byte[bytes];
        do {
            RANDOM.nextBytes(id);
        } while (HexFormat.of().formatHex(id).chars().allMatch(digit -> digit == '0'));
        return HexFormat.of().formatHex(id);
    }
}
