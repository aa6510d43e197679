package dev.tandem.transfer.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.RejectionReason;
import dev.tandem.api.TraceContext;
import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferMode;
import dev.tandem.api.TransferStatus;
import dev.tandem.events.entity.TransferAccepted;
import dev.tandem.events.entity.TransferCompleted;
import dev.tandem.events.entity.TransferRejected;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferLogTest {

    private static final UUID ID = UUID.fromString("3f2b8c1e-7d4a-4b6e-9c0d-5a1e2f3b4c5d");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void namesATransferByItsIdAndItsTrace() {
        assertThat(TransferLog.subject(ID, TraceContext.spanIn(TRACE))).isEqualTo("transfer " + ID + " (trace " + TRACE + ")");
        assertThat(TransferLog.subject(ID, null)).isEqualTo("transfer " + ID);
    }

    @Test
    void saysWhatHappenedToWhichTransferInWhichTrace() {
        assertThat(TransferLog.describe(new TransferCompleted(7, transfer(TransferStatus.COMPLETED, null, TransferMode.SYNC))))
                .isEqualTo("Transfer " + ID + " (trace " + TRACE + ") completed: A-0001 -> B-0002 10.50 EUR, sync");
        assertThat(TransferLog.describe(new TransferAccepted(8, transfer(TransferStatus.PENDING, null, TransferMode.ASYNC))))
                .isEqualTo("Transfer " + ID + " (trace " + TRACE + ") accepted: A-0001 -> B-0002 10.50 EUR, async");
        assertThat(TransferLog.describe(new TransferRejected(9, transfer(TransferStatus.REJECTED,
                RejectionReason.INSUFFICIENT_FUNDS, TransferMode.ASYNC))))
                .isEqualTo("Transfer " + ID + " (trace " + TRACE + ") rejected: A-0001 -> B-0002 10.50 EUR, async,"
                        + " INSUFFICIENT_FUNDS: not enough money");
    }

    private static TransferDetails transfer(TransferStatus status, RejectionReason reason, TransferMode mode) {
        return new TransferDetails(ID, "A-0001", "B-0002", new BigDecimal("10.50"), "EUR", status, reason,
                reason == null ? null : "not enough money", mode, Instant.parse("2026-12-05T06:00:00Z"),
                status == TransferStatus.PENDING ? null : Instant.parse("2026-12-05T06:00:01Z"), TRACE);
    }
}
