package dev.tandem.tracing.control;

import dev.tandem.api.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The spans of Tandem's work in the server's OpenTelemetry. The {@link Tracer} is MicroProfile Telemetry's: a
 * no-op one unless {@code otel.sdk.disabled=false} (then the spans go to the configured OTLP endpoint). Either
 * way the {@link TraceContext} they give is the one Tandem records and hands on: the span's own where tracing
 * is on, otherwise the caller's continued, or a new trace.
 */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    /** Constructor injection (see {@code NoFieldInjectionTest}). */
    @Inject
    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** For the CDI client proxy only. */
    protected Spans() {
        this(null);
    }

    /**
     * The trace a call runs in: the server's current span (a REST call's, where tracing is on), else the
     * caller's {@code traceparent} continued, or a new trace.
     */
    public static TraceContext current(String traceparent) {
        return traceOf(Span.current().getSpanContext(), traceparent);
    }

    /**
     * Starts a span of Tandem's own, a child of the caller's {@code traceparent} (if it is a valid one), and makes
     * it the current one until the returned span is closed.
     */
    public Traced start(String name, SpanKind kind, String traceparent) {
        Context parent = TraceContext.parse(traceparent)
                .map(caller -> Span.wrap(SpanContext.createFromRemoteParent(caller.traceId(), caller.spanId(),
                        caller.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())))
                .map(remote -> remote.storeInContext(Context.root()))
                .orElse(Context.root());
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
        return new Traced(span, span.makeCurrent(), traceOf(span.getSpanContext(), traceparent));
    }

    private static TraceContext traceOf(SpanContext span, String traceparent) {
        return span.isValid()
                ? new TraceContext(span.getTraceId(), span.getSpanId(), span.isSampled())
                : TraceContext.continueOrStart(traceparent);
    }

    /** A span of Tandem's, current until closed; {@link #trace} is the context it hands on. */
    public record Traced(Span span, Scope scope, TraceContext trace) implements AutoCloseable {

        /** Marks the span as failed by {@code failure}. */
        public void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getMessage());
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
