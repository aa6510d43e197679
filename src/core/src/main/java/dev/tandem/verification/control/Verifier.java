package dev.tandem.verification.control;

import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.jms.TransferMessaging;
import dev.tandem.api.json.TransferJson;
import dev.tandem.ledger.entity.LedgerId;
import dev.tandem.resources.ResourceNames;
import dev.tandem.verification.control.LedgerRows.Account;
import dev.tandem.verification.control.LedgerRows.Audit;
import dev.tandem.verification.control.LedgerRows.DeadLetter;
import dev.tandem.verification.control.LedgerRows.Entry;
import dev.tandem.verification.control.LedgerRows.Transfer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Checks the {@link Invariants} against the databases (outside any transaction of the server's, each
 * ledger read in one read-only snapshot of its own) and the broker's queues (browsing, consuming nothing).
 * The long tables are streamed in transfer id order, never loaded whole.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Verifier {

    private static final int FETCH_SIZE = 2000;

    @Resource(lookup = ResourceNames.LEDGER_A)
    DataSource ledgerA;

    @Resource(lookup = ResourceNames.LEDGER_B)
    DataSource ledgerB;

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory broker;

    @EJB
    TransactionManagerProbe probe;

    public Verification verify() throws SQLException, JMSException {
        String transactionManager = probe.name();
        try (JMSContext jms = broker.createContext();
             var snapshotA = new Snapshot(ledgerA.getConnection());
             var snapshotB = new Snapshot(ledgerB.getConnection())) {
            Connection a = snapshotA.connection;
            Connection b = snapshotB.connection;
            var accounts = new ArrayList<Account>();
            accounts.addAll(accounts(LedgerId.A, a));
            accounts.addAll(accounts(LedgerId.B, b));
            List<DeadLetter> deadLetters = new ArrayList<>();
            for (Message message : browse(jms, DEAD_LETTER_QUEUE)) {
                deadLetters.add(new DeadLetter(message.getJMSMessageID(), transferIdOf(message)));
            }
            var invariants = new Invariants(transactionManager, accounts, deadLetters);
            PreparedBranches preparedA = PreparedBranches.in(a, transactionManager);
            PreparedBranches preparedB = PreparedBranches.in(b, transactionManager);
            try (var records = stream(a, "SELECT id, from_account, to_account, requested_amount, currency, status"
                         + " FROM transfer_record ORDER BY id",
                         row -> new Transfer(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                 row.getString(5), row.getString(6)));
                 var audit = stream(a, "SELECT transfer_id, outcome FROM audit_entry ORDER BY transfer_id",
                         row -> new Audit(row.getString(1), row.getString(2)));
                 var entriesA = entries(LedgerId.A, a);
                 var entriesB = entries(LedgerId.B, b)) {
                invariants.checkTransfers(records, audit, List.of(entriesA, entriesB));
            }
            Set<String> queued = new HashSet<>();
            browse(jms, REQUEST_QUEUE).forEach(message -> queued.add(transferIdOf(message)));
            invariants.checkQueued(queued);
            invariants.checkPrepared(LedgerId.A.name(), preparedA.tandems(), preparedA.others());
            invariants.checkPrepared(LedgerId.B.name(), preparedB.tandems(), preparedB.others());
            return invariants.result();
        }
    }

    /**
     * A ledger connection in one transaction with a snapshot for every query in it, so that the registry,
     * the audit trail and the entries of a ledger are seen at the same moment; and without auto-commit,
     * so that PostgreSQL's driver fetches rows as they are read instead of all at once. Closing it hands
     * the pooled connection back as it came.
     */
    private static final class Snapshot implements AutoCloseable {

        final Connection connection;
        private final int isolation;

        Snapshot(Connection connection) throws SQLException {
            this.connection = connection;
            this.isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        }
    }

    private static List<Account> accounts(LedgerId ledger, Connection connection) throws SQLException {
        var accounts = new ArrayList<Account>();
        try (var rows = stream(connection, "SELECT id, currency, balance FROM account",
                row -> new Account(ledger.name(), row.getString(1), row.getString(2), row.getBigDecimal(3)))) {
            rows.forEachRemaining(accounts::add);
        }
        return accounts;
    }

    private static Rows<Entry> entries(LedgerId ledger, Connection connection) throws SQLException {
        return stream(connection, "SELECT transfer_id, id, account_id, amount FROM ledger_entry ORDER BY transfer_id",
                row -> new Entry(ledger.name(), row.getString(2), row.getString(1), row.getString(3), row.getBigDecimal(4)));
    }

    private static List<Message> browse(JMSContext jms, String queue) throws JMSException {
        try (var browser = jms.createBrowser(jms.createQueue(queue))) {
            var messages = new ArrayList<Message>();
            Collections.list(browser.getEnumeration()).forEach(message -> messages.add((Message) message));
            return messages;
        }
    }

    private static String transferIdOf(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : null;
            return TransferMessaging.transferIdOf(TransferJson.parseRequest(body).id(),
                    message.getStringProperty(TRANSFER_ID_PROPERTY), message.getJMSMessageID()).toString();
        } catch (InvalidTransferException | JMSException unreadable) {
            return "?";
        }
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> Rows<T> stream(Connection connection, String query, RowReader<T> reader) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            statement.setFetchSize(FETCH_SIZE);
            return new Rows<>(statement, statement.executeQuery(query), reader);
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** A query's rows, read as they are iterated; a failure to read is the check's failure. */
    private static final class Rows<T> implements Iterator<T>, AutoCloseable {

        private final Statement statement;
        private final ResultSet rows;
        private final RowReader<T> reader;
        private Boolean hasNext;

        Rows(Statement statement, ResultSet rows, RowReader<T> reader) {
            this.statement = statement;
            this.rows = rows;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rows.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read a ledger: " + e.getMessage(), e);
                }
            }
            return hasNext;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                return reader.read(rows);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a ledger: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
