package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void aValidTraceparentIsContinued() {
        var context = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.sampled()).isTrue();
        assertThat(context.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").orElseThrow().sampled()).isFalse();
    }

    @Test
    void anInvalidTraceparentStartsANewTrace() {
        for (String invalid : new String[] {null, "", "garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"}) {
            assertThat(TraceContext.parse(invalid)).as(invalid).isEmpty();
            assertThat(TraceContext.continueOrStart(invalid).traceparent()).as(invalid)
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(invalid);
        }
    }

    @Test
    void aSpanInATraceKeepsTheTraceWithASpanOfItsOwn() {
        TraceContext parent = TraceContext.start();
        TraceContext span = TraceContext.spanIn(parent.traceId());

        assertThat(span.traceId()).isEqualTo(parent.traceId());
        assertThat(span.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
        assertThat(TraceContext.start().traceId()).isNotEqualTo(parent.traceId());
    }
}
