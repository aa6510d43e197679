package dev.tandem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TransferRequestTest {

    private final TransferRequest anonymous = new TransferRequest(null, "A-0001", "B-0001", new BigDecimal("10.00"), "EUR");

    @Test
    void aRequestWithoutAnIdIsGivenANewOneEachTime() {
        TransferRequest first = anonymous.identified();
        TransferRequest second = anonymous.identified();

        assertThat(first.id()).isNotNull();
        assertThat(second.id()).isNotNull().isNotEqualTo(first.id());
        assertThat(first).extracting(TransferRequest::from, TransferRequest::to, TransferRequest::amount, TransferRequest::currency)
                .containsExactly("A-0001", "B-0001", new BigDecimal("10.00"), "EUR");
    }

    @Test
    void aRequestWithAnIdKeepsIt() {
        TransferRequest identified = TransferRequest.of("A-0001", "B-0001", "10.00", "EUR");

        assertThat(identified.identified()).isSameAs(identified);
    }

    @Test
    void theCallersTraceTravelsWithTheRequestAcrossTheWireButIsNotItsContent() throws Exception {
        String traceparent = TraceContext.start().traceparent();
        TransferRequest traced = anonymous.inTrace(traceparent).identified();

        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(traced);
        }
        TransferRequest received;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (TransferRequest) in.readObject();
        }

        assertThat(received.traceparent()).isEqualTo(traceparent);
        assertThat(received.id()).isEqualTo(traced.id());
        assertThat(received.hasSameContentAs("A-0001", "B-0001", new BigDecimal("10.0"), "EUR")).isTrue();
        assertThat(anonymous.traceparent()).isNull();
    }
}
