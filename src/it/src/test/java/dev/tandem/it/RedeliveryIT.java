package dev.tandem.it;

import static dev.tandem.api.jms.TransferMessaging.DELIVERY_ATTEMPT_PROPERTY;
import static dev.tandem.api.jms.TransferMessaging.STATUS_PROPERTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara: a queued request whose transaction fails after both ledgers were written and the
 * reply was sent rolls back entirely, is redelivered by the broker, and is then applied exactly once
 * and answered exactly once. Accounts A-0014, B-0014.
 */
@ExtendWith(ArquillianExtension.class)
class RedeliveryIT {

    @Deployment
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "tandem-redelivery-probe.war")
                .addPackages(true, "dev.tandem.api")
                .addClasses(RedeliveryIT.class, LedgerProbe.class, LedgerProbe.Refusal.class);
    }

    @Test
    void aRequestThatFailsAfterTheLedgersWereWrittenIsRedeliveredThenAppliedAndAnsweredOnce() throws Exception {
        LedgerProbe ledgers = LedgerProbe.lookUp();
        var broker = (ConnectionFactory) LedgerProbe.lookUpServerResource("jms/tandem/ConnectionFactory");
        var requests = (Queue) LedgerProbe.lookUpServerResource("jms/tandem/TransferRequests");
        UUID id = UUID.randomUUID();
        BigDecimal sourceBefore = ledgers.balance("A-0014");
        BigDecimal targetBefore = ledgers.balance("B-0014");

        try (JMSContext jms = broker.createContext()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            JMSConsumer answers = jms.createConsumer(replies);
            try (var refusal = ledgers.refuse(ledgers.ledgerA, "audit_entry", id)) {
                // every attempt posts both legs, records the transfer and sends the reply, then fails
                // on the audit row at commit: all of it rolls back
                jms.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(id.toString()).send(requests,
                        "{\"id\":\"" + id + "\",\"from\":\"A-0014\",\"to\":\"B-0014\",\"amount\":\"6.00\",\"currency\":\"EUR\"}");
                assertNull(answers.receive(2_500), "no reply escapes a rolled-back attempt");
                assertEquals(List.of(), ledgers.legs(ledgers.ledgerA, id));
                assertEquals(sourceBefore, ledgers.balance("A-0014"));
            }

            Message reply = answers.receive(30_000);
            assertNotNull(reply, "the redelivered request was answered");
            assertEquals("COMPLETED", reply.getStringProperty(STATUS_PROPERTY));
            assertTrue(reply.getIntProperty(DELIVERY_ATTEMPT_PROPERTY) >= 2, "answered on a redelivery");
            assertEquals(id.toString(), reply.getJMSCorrelationID());
            assertNull(answers.receive(3_000), "exactly one reply");
        }
        assertEquals(List.of(new BigDecimal("-6.00")), ledgers.legs(ledgers.ledgerA, id));
        assertEquals(List.of(new BigDecimal("6.00")), ledgers.legs(ledgers.ledgerB, id));
        assertEquals(sourceBefore.subtract(new BigDecimal("6.00")), ledgers.balance("A-0014"));
        assertEquals(targetBefore.add(new BigDecimal("6.00")), ledgers.balance("B-0014"));
        assertEquals(1, ledgers.records(id, "COMPLETED"));
        assertEquals(1, ledgers.auditRows(id));
    }
}
