package dev.tandem.tracing.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

/**
 * The trace Tandem hands on, with the server's OpenTelemetry switched off (MicroProfile Telemetry's no-op tracer, the
 * default) and with a span of the server's current. The spans tracing exports are tested against both servers
 * (TraceContextIT, RemoteEjbIT).
 */
class SpansTest {

    private final Spans spans = new Spans(OpenTelemetry.noop().getTracer("test"));

    @Test
    void withTracingOffASpanCarriesTheCallersTraceOnOrStartsOne() {
        TraceContext caller = TraceContext.start();

        try (Spans.Traced continued = spans.start("work", SpanKind.CONSUMER, caller.traceparent())) {
            assertThat(continued.trace()).isEqualTo(caller);
        }
        try (Spans.Traced started = spans.start("work", SpanKind.CONSUMER, null);
             Spans.Traced afterAnInvalidOne = spans.start("work", SpanKind.CONSUMER, "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")) {
            assertThat(started.trace().traceId()).matches("[0-9a-f]{32}").isNotEqualTo(caller.traceId());
            assertThat(afterAnInvalidOne.trace().traceId()).matches("[0-9a-f]{32}").isNotEqualTo(started.trace().traceId());
        }
    }

    @Test
    void theServersCurrentSpanIsTheTraceOfACall() {
        TraceContext caller = TraceContext.start();
        assertThat(Spans.current(caller.traceparent())).as("no span current").isEqualTo(caller);

        SpanContext server = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope serving = Span.wrap(server).makeCurrent()) {
            assertThat(Spans.current(caller.traceparent()))
                    .isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        }
    }
}
