package dev.tandem.client.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.client.jms.PreparedOnBroker.PreparedTransaction;
import org.junit.jupiter.api.Test;

class PreparedOnBrokerTest {

    /** As Artemis 2.40 lists a transaction left prepared by a broker killed during the commit of a queued transfer. */
    private static final String LISTED = """
            [{"creation_time":"12/4/26, 3:31:57 PM","xid_as_base64":"dm0sc2VydmVyLFA4MDM3LAGAAAAAifWrQXZtLHNlcnZlcixQODAzN_GeSgA=",
              "xid_format_id":4871251,"xid_global_txid":"vm,server,P8037","xid_branch_qual":"vm,server,P8037,",
              "tx_related_messages":[{"message_operation_type":"(+) send","message_type":"TextMessage",
                "message_properties":{"address":"tandem.transfers","messageID":556,
                  "transferId":"18b1be22-4cdb-4ca6-8c2f-2edc4e70dc05","_AMQ_GROUP_ID":"A-0039","durable":true}},
                {"message_operation_type":"(+) send","message_type":"TextMessage",
                  "message_properties":{"address":"tandem.transfer.events","messageID":557}}]}]
            """;

    @Test
    void readsEachTransactionsXidAndTheTransfersItsMessagesCarry() {
        assertThat(PreparedOnBroker.parse(LISTED)).containsExactly(new PreparedTransaction(
                "dm0sc2VydmVyLFA4MDM3LAGAAAAAifWrQXZtLHNlcnZlcixQODAzN_GeSgA=", java.util.List.of("18b1be22-4cdb-4ca6-8c2f-2edc4e70dc05")));
    }

    @Test
    void noTransactionPreparedIsAnEmptyList() {
        assertThat(PreparedOnBroker.parse("")).isEmpty();
        assertThat(PreparedOnBroker.parse("[]")).isEmpty();
    }
}
