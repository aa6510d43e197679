package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.TransferUnavailableException;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Payara, next to the deployed EAR, so that it can look into both ledger databases
 * and the broker directly: one transfer is one XA transaction over ledger A, ledger B and the
 * Artemis topic. Calls go through Tandem's remote EJB view like any client's, as a teller. Accounts A-0011..13,
 * B-0011..13.
 */
@ExtendWith(ArquillianExtension.class)
class TwoPhaseCommitIT {

    private LedgerProbe ledgers;
    private ConnectionFactory broker;
    private Topic events;
    private TellerProbe tandem;

    @Deployment
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "tandem-xa-probe.war")
                .addPackages(true, "dev.tandem.api")
                .addClasses(TwoPhaseCommitIT.class, TellerProbe.class, LedgerProbe.class, LedgerProbe.Refusal.class)
                .addAsWebInfResource(new StringAsset(TellerProbe.PAYARA_ROLE_MAPPING), "glassfish-web.xml");
    }

    @BeforeEach
    void lookUpTandemsResources() throws NamingException {
        ledgers = LedgerProbe.lookUp();
        broker = (ConnectionFactory) LedgerProbe.lookUpServerResource("jms/tandem/ConnectionFactory");
        events = (Topic) LedgerProbe.lookUpServerResource("jms/tandem/TransferEvents");
        tandem = TellerProbe.lookUp();
    }

    @Test
    void aCrossLedgerTransferCommitsBothLegsTheRecordTheAuditRowAndExactlyOneEvent() throws Exception {
        UUID id = UUID.randomUUID();
        BigDecimal sourceBefore = ledgers.balance("A-0011");
        BigDecimal targetBefore = ledgers.balance("B-0011");

        try (JMSContext jms = broker.createContext(); JMSConsumer subscriber = subscribe(jms, id)) {
            TransferDetails outcome = tandem.transfer(new TransferRequest(id, "A-0011", "B-0011", new BigDecimal("7.50"), "EUR"));

            assertEquals(TransferStatus.COMPLETED, outcome.status());
            assertEquals(sourceBefore.subtract(new BigDecimal("7.50")), ledgers.balance("A-0011"));
            assertEquals(targetBefore.add(new BigDecimal("7.50")), ledgers.balance("B-0011"));
            assertEquals(List.of(new BigDecimal("-7.50")), ledgers.legs(ledgers.ledgerA, id));
            assertEquals(List.of(new BigDecimal("7.50")), ledgers.legs(ledgers.ledgerB, id));
            assertEquals(1, ledgers.records(id, "COMPLETED"));
            assertEquals(1, ledgers.auditRows(id));

            Message event = subscriber.receive(10_000);
            assertNotNull(event, "the outcome was published");
            assertTrue(((TextMessage) event).getText().contains("\"status\":\"COMPLETED\""));
            assertNull(subscriber.receive(2_000), "exactly one event per transfer");
        }
    }

    @Test
    void aFailureInTheSecondLedgerAfterTheFirstWasWrittenLeavesNoTraceAnywhere() throws Exception {
        var request = new TransferRequest(UUID.randomUUID(), "A-0012", "B-0012", new BigDecimal("3.00"), "EUR");
        BigDecimal sourceBefore = ledgers.balance("A-0012");
        BigDecimal targetBefore = ledgers.balance("B-0012");

        // The debit is posted and written to ledger A first; ledger B then refuses the credit leg.
        assertRollsBackWithoutTrace(request, ledgers.ledgerB, "ledger_entry");

        // with the failure gone, the same request goes through, once
        assertEquals(TransferStatus.COMPLETED, tandem.transfer(request).status());
        assertEquals(sourceBefore.subtract(new BigDecimal("3.00")), ledgers.balance("A-0012"));
        assertEquals(targetBefore.add(new BigDecimal("3.00")), ledgers.balance("B-0012"));
    }

    @Test
    void aFailureAfterTheEventWasSentTakesTheEventBackWithTheLedgers() throws Exception {
        // Both legs are posted and the outcome is sent to the topic before the audit row is
        // written; refusing that row makes the whole transaction roll back at commit.
        assertRollsBackWithoutTrace(new TransferRequest(UUID.randomUUID(), "A-0013", "B-0013", new BigDecimal("4.00"), "EUR"),
                ledgers.ledgerA, "audit_entry");
    }

    /**
     * Makes {@code refusing} reject this one transfer's rows in {@code table}, sends the transfer, and
     * checks that it failed without a trace: no balance changed, no leg, no transfer record, no audit
     * row, no event on the topic.
     */
    private void assertRollsBackWithoutTrace(TransferRequest request, DataSource refusing, String table) throws Exception {
        UUID id = request.id();
        BigDecimal sourceBefore = ledgers.balance(request.from());
        BigDecimal targetBefore = ledgers.balance(request.to());
        try (var refusal = ledgers.refuse(refusing, table, id);
             JMSContext jms = broker.createContext(); JMSConsumer subscriber = subscribe(jms, id)) {

            assertThrows(TransferUnavailableException.class, () -> tandem.transfer(request));

            assertNull(subscriber.receive(3_000), "no event for a transfer that rolled back");
            assertEquals(sourceBefore, ledgers.balance(request.from()), "source ledger rolled back");
            assertEquals(targetBefore, ledgers.balance(request.to()), "target ledger rolled back");
            assertEquals(List.of(), ledgers.legs(ledgers.ledgerA, id));
            assertEquals(List.of(), ledgers.legs(ledgers.ledgerB, id));
            assertEquals(0, ledgers.records(id, null));
            assertEquals(0, ledgers.auditRows(id));
        }
    }

    private JMSConsumer subscribe(JMSContext jms, UUID transferId) {
        return jms.createConsumer(events, "transferId = '" + transferId + "'");
    }
}
