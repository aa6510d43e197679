package dev.tandem.verification.control;

import static dev.tandem.api.jms.TransferMessaging.DEAD_LETTER_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;
import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.jms.TransferMessaging;
import dev.tandem.api.json.TransferJson;
import dev.tandem.ledger.entity.LedgerId;
import dev.tandem.resources.ResourceNames;
import dev.tandem.verification.control.LedgerSnapshot.Account;
import dev.tandem.verification.control.LedgerSnapshot.Audit;
import dev.tandem.verification.control.LedgerSnapshot.DeadLetter;
import dev.tandem.verification.control.LedgerSnapshot.Entry;
import dev.tandem.verification.control.LedgerSnapshot.Transfer;
import jakarta.annotation.Resource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads a {@link LedgerSnapshot} straight from the databases (outside any transaction) and the
 * broker's queues (browsing, consuming nothing).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SnapshotReader {

    @Resource(lookup = ResourceNames.LEDGER_A)
    DataSource ledgerA;

    @Resource(lookup = ResourceNames.LEDGER_B)
    DataSource ledgerB;

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory broker;

    public LedgerSnapshot read() throws SQLException, JMSException {
        var accounts = new ArrayList<Account>();
        var entries = new ArrayList<Entry>();
        var transfers = new ArrayList<Transfer>();
        var audit = new ArrayList<Audit>();
        var prepared = new LinkedHashMap<String, List<String>>();
        for (LedgerId ledger : LedgerId.values()) {
            try (Connection connection = (ledger == LedgerId.A ? ledgerA : ledgerB).getConnection();
                 Statement sql = connection.createStatement()) {
                String name = ledger.name();
                query(sql, "SELECT id, currency, balance FROM account",
                        row -> accounts.add(new Account(name, row.getString(1), row.getString(2), row.getBigDecimal(3))));
                query(sql, "SELECT id, transfer_id, account_id, amount FROM ledger_entry",
                        row -> entries.add(new Entry(name, row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4))));
                if (ledger == LedgerId.A) {
                    query(sql, "SELECT id, from_account, to_account, requested_amount, currency, status FROM transfer_record",
                            row -> transfers.add(new Transfer(row.getString(1), row.getString(2), row.getString(3),
                                    row.getString(4), row.getString(5), row.getString(6))));
                    query(sql, "SELECT transfer_id, outcome FROM audit_entry",
                            row -> audit.add(new Audit(row.getString(1), row.getString(2))));
                }
                prepared.put(name, preparedTransactions(connection, sql));
            }
        }
        try (JMSContext jms = broker.createContext()) {
            Set<String> queued = new HashSet<>();
            browse(jms, REQUEST_QUEUE).forEach(message -> queued.add(transferIdOf(message)));
            List<DeadLetter> deadLetters = new ArrayList<>();
            for (Message message : browse(jms, DEAD_LETTER_QUEUE)) {
                deadLetters.add(new DeadLetter(message.getJMSMessageID(), transferIdOf(message)));
            }
            return new LedgerSnapshot(accounts, entries, transfers, audit, prepared, queued, deadLetters);
        }
    }

    /** Branches prepared but neither committed nor rolled back, as each database reports them. */
    private static List<String> preparedTransactions(Connection connection, Statement sql) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        var prepared = new ArrayList<String>();
        if (product.contains("postgres")) {
            query(sql, "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()", row -> prepared.add(row.getString(1)));
        } else if (product.contains("mariadb") || product.contains("mysql")) {
            query(sql, "XA RECOVER", row -> prepared.add(row.getString("data")));
        } else {
            query(sql, "SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT", row -> prepared.add(row.getString(1)));
        }
        return prepared;
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

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Statement sql, String query, RowReader reader) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
