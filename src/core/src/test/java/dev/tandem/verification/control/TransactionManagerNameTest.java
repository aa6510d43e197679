package dev.tandem.verification.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The XID layouts of the two transaction managers Tandem runs on, and of one it does not. */
class TransactionManagerNameTest {

    @Test
    void narayanaNamesItsNodeAfterTheUidOfTheGlobalTransactionId() {
        byte[] gtrid = ByteBuffer.allocate(TransactionManagerName.NARAYANA_UID_BYTES + 11)
                .put(new byte[TransactionManagerName.NARAYANA_UID_BYTES]).put("tandem-8000".getBytes(UTF_8)).array();

        assertThat(TransactionManagerName.of(TransactionManagerName.NARAYANA_JTA_FORMAT, gtrid, new byte[36]))
                .isEqualTo("tandem-8000");
    }

    @Test
    void payaraNamesItsServerAtTheStartOfTheBranchQualifier() {
        byte[] bqual = "build-host,server,P8037,\u0000\u0001".getBytes(UTF_8);

        assertThat(TransactionManagerName.of(TransactionManagerName.PAYARA_FORMAT, new byte[20], bqual))
                .isEqualTo("build-host,server,P8037");
    }

    @Test
    void serversThatDifferOnlyInTheirPortHaveDifferentNames() {
        String name = TransactionManagerName.of(TransactionManagerName.PAYARA_FORMAT, new byte[1], "h,server,P18037,1".getBytes(UTF_8));

        assertThat(name).isNotEqualTo(TransactionManagerName.of(TransactionManagerName.PAYARA_FORMAT, new byte[1],
                "h,server,P8037,1".getBytes(UTF_8)));
    }

    @Test
    void otherFormatsAndMalformedXidsHaveNoName() {
        assertThat(TransactionManagerName.of(1, "foreign".getBytes(UTF_8), "branch,1".getBytes(UTF_8))).isNull();
        assertThat(TransactionManagerName.of(TransactionManagerName.PAYARA_FORMAT, new byte[1], "nocomma".getBytes(UTF_8))).isNull();
        assertThat(TransactionManagerName.of(TransactionManagerName.NARAYANA_JTA_FORMAT, new byte[28], new byte[1])).isNull();
    }
}
