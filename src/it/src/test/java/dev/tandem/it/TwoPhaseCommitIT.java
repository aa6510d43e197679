package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.api.TransferDetails;
import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferService;
import dev.tandem.api.TransferStatus;
import jakarta.ejb.EJBException;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Payara, next to the deployed EAR, so that it can look into both ledger databases
 * and the broker directly: one transfer is one XA transaction over ledger A, ledger B and the
 * Artemis topic. Calls go through Tandem's remote EJB view like any client's. Accounts A-0011..13,
 * B-0011..13.
 */
@ExtendWith(ArquillianExtension.class)
class TwoPhaseCommitIT {

    private DataSource ledgerA;
    private DataSource ledgerB;
    private ConnectionFactory broker;
    private Topic events;
    private TransferService tandem;

    @Deployment
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "tandem-xa-probe.war")
                .addPackages(true, "dev.tandem.api")
                .addClass(TwoPhaseCommitIT.class);
    }

    @BeforeEach
    void lookUpTandemsResources() throws NamingException {
        var naming = new InitialContext();
        ledgerA = (DataSource) naming.lookup("jdbc/tandem/ledgerA");
        ledgerB = (DataSource) naming.lookup("jdbc/tandem/ledgerB");
        broker = (ConnectionFactory) naming.lookup("jms/tandem/ConnectionFactory");
        events = (Topic) naming.lookup("jms/tandem/TransferEvents");
        tandem = (TransferService) naming.lookup(TransferService.JNDI_NAME);
    }

    @Test
    void aCrossLedgerTransferCommitsBothLegsTheRecordTheAuditRowAndExactlyOneEvent() throws Exception {
        UUID id = UUID.randomUUID();
        BigDecimal sourceBefore = balance(ledgerA, "A-0011");
        BigDecimal targetBefore = balance(ledgerB, "B-0011");

        try (JMSContext jms = broker.createContext(); JMSConsumer subscriber = subscribe(jms, id)) {
            TransferDetails outcome = tandem.transfer(new TransferRequest(id, "A-0011", "B-0011", new BigDecimal("7.50"), "EUR"));

            assertEquals(TransferStatus.COMPLETED, outcome.status());
            assertEquals(sourceBefore.subtract(new BigDecimal("7.50")), balance(ledgerA, "A-0011"));
            assertEquals(targetBefore.add(new BigDecimal("7.50")), balance(ledgerB, "B-0011"));
            assertEquals(new BigDecimal("-7.50"), legOf(ledgerA, id));
            assertEquals(new BigDecimal("7.50"), legOf(ledgerB, id));
            assertEquals(0, count(ledgerB, "SELECT COUNT(*) FROM ledger_entry WHERE transfer_id = ? AND amount < 0", id));
            assertEquals(1, count(ledgerA, "SELECT COUNT(*) FROM transfer_record WHERE id = ? AND status = 'COMPLETED'", id));
            assertEquals(1, count(ledgerA, "SELECT COUNT(*) FROM audit_entry WHERE transfer_id = ?", id));

            Message event = subscriber.receive(10_000);
            assertNotNull(event, "the outcome was published");
            assertTrue(((TextMessage) event).getText().contains("\"status\":\"COMPLETED\""));
            assertNull(subscriber.receive(2_000), "exactly one event per transfer");
        }
    }

    @Test
    void aFailureInTheSecondLedgerAfterTheFirstWasWrittenLeavesNoTraceAnywhere() throws Exception {
        var request = new TransferRequest(UUID.randomUUID(), "A-0012", "B-0012", new BigDecimal("3.00"), "EUR");
        BigDecimal sourceBefore = balance(ledgerA, "A-0012");
        BigDecimal targetBefore = balance(ledgerB, "B-0012");

        // The debit is posted and written to ledger A first; ledger B then refuses the credit leg.
        assertRollsBackWithoutTrace(request, ledgerB, "ledger_entry");

        // with the failure gone, the same request goes through, once
        assertEquals(TransferStatus.COMPLETED, tandem.transfer(request).status());
        assertEquals(sourceBefore.subtract(new BigDecimal("3.00")), balance(ledgerA, "A-0012"));
        assertEquals(targetBefore.add(new BigDecimal("3.00")), balance(ledgerB, "B-0012"));
    }

    @Test
    void aFailureAfterTheEventWasSentTakesTheEventBackWithTheLedgers() throws Exception {
        // Both legs are posted and the outcome is sent to the topic before the audit row is
        // written; refusing that row makes the whole transaction roll back at commit.
        assertRollsBackWithoutTrace(new TransferRequest(UUID.randomUUID(), "A-0013", "B-0013", new BigDecimal("4.00"), "EUR"),
                ledgerA, "audit_entry");
    }

    /**
     * Makes {@code refusing} reject this one transfer's rows in {@code table}, sends the transfer (from
     * ledger A to ledger B), and checks that it failed without a trace: no balance changed, no leg, no
     * transfer record, no audit row, no event on the topic.
     */
    private void assertRollsBackWithoutTrace(TransferRequest request, DataSource refusing, String table) throws Exception {
        UUID id = request.id();
        BigDecimal sourceBefore = balance(ledgerA, request.from());
        BigDecimal targetBefore = balance(ledgerB, request.to());
        String constraint = "tandem_it_refuse_" + Long.toHexString(id.getMostSignificantBits() & 0xffffffffL);
        execute(refusing, "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (transfer_id <> '" + id + "')");
        try (JMSContext jms = broker.createContext(); JMSConsumer subscriber = subscribe(jms, id)) {

            assertThrows(EJBException.class, () -> tandem.transfer(request));

            assertNull(subscriber.receive(3_000), "no event for a transfer that rolled back");
            assertEquals(sourceBefore, balance(ledgerA, request.from()), "ledger A rolled back");
            assertEquals(targetBefore, balance(ledgerB, request.to()), "ledger B rolled back");
            assertEquals(0, count(ledgerA, "SELECT COUNT(*) FROM ledger_entry WHERE transfer_id = ?", id));
            assertEquals(0, count(ledgerB, "SELECT COUNT(*) FROM ledger_entry WHERE transfer_id = ?", id));
            assertEquals(0, count(ledgerA, "SELECT COUNT(*) FROM transfer_record WHERE id = ?", id));
            assertEquals(0, count(ledgerA, "SELECT COUNT(*) FROM audit_entry WHERE transfer_id = ?", id));
        } finally {
            execute(refusing, "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
        }
    }

    private JMSConsumer subscribe(JMSContext jms, UUID transferId) {
        return jms.createConsumer(events, "transferId = '" + transferId + "'");
    }

    private static BigDecimal balance(DataSource ledger, String account) throws SQLException {
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT balance FROM account WHERE id = ?")) {
            query.setString(1, account);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), account + " exists");
                return row.getBigDecimal(1);
            }
        }
    }

    private static BigDecimal legOf(DataSource ledger, UUID transferId) throws SQLException {
        try (Connection connection = ledger.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT amount FROM ledger_entry WHERE transfer_id = ?")) {
            query.setString(1, transferId.toString());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "a leg of " + transferId);
                BigDecimal amount = row.getBigDecimal(1);
                assertTrue(!row.next(), "one leg of " + transferId + " in this ledger");
                return amount;
            }
        }
    }

    private static int count(DataSource ledger, String sql, UUID transferId) throws SQLException {
        try (Connection connection = ledger.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, transferId.toString());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void execute(DataSource ledger, String sql) throws SQLException {
        try (Connection connection = ledger.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
