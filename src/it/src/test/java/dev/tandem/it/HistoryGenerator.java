package dev.tandem.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a history of completed transfers straight into the real ledgers' tables, as Tandem would have
 * recorded them, to give {@code verify} a ledger that has been in use for a long time. Transfers come in
 * pairs between an EUR account of ledger A and one of ledger B: one cent there and back, so that every
 * balance stays what it was and stays explained by its entries. Each ledger commits in batches of its
 * own: check the ledgers only after {@link #write} has returned.
 */
final class HistoryGenerator {

    private static final int PAIRS_PER_COMMIT = 5_000;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private record Account(String id, BigDecimal balance) {
    }

    private HistoryGenerator() {
    }

    /** Writes {@code transfers} (rounded up to an even number) completed transfers. */
    static void write(int transfers) throws SQLException {
        try (Connection a = DriverManager.getConnection(RealLedgers.ledgerAUrl());
             Connection b = DriverManager.getConnection(RealLedgers.ledgerBUrl())) {
            List<Account> payersA = eurAccounts(a);
            List<Account> payersB = eurAccounts(b);
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            try (PreparedStatement records = a.prepareStatement("INSERT INTO transfer_record (id, from_account, to_account,"
                         + " requested_amount, currency, status, mode, created_at, completed_at)"
                         + " VALUES (?, ?, ?, '0.01', 'EUR', 'COMPLETED', 'SYNC', ?, ?)");
                 PreparedStatement audit = a.prepareStatement("INSERT INTO audit_entry (id, transfer_id, outcome, summary, recorded_at)"
                         + " VALUES (?, ?, 'COMPLETED', ?, ?)");
                 PreparedStatement entriesA = a.prepareStatement(entryInsert());
                 PreparedStatement entriesB = b.prepareStatement(entryInsert())) {
                var now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
                for (int pair = 0; pair < (transfers + 1) / 2; pair++) {
                    Account payerA = payersA.get(pair % payersA.size());
                    Account payerB = payersB.get(pair % payersB.size());
                    String there = UUID.randomUUID().toString();
                    String back = UUID.randomUUID().toString();
                    for (String[] transfer : new String[][] {{there, payerA.id(), payerB.id()}, {back, payerB.id(), payerA.id()}}) {
                        records.setString(1, transfer[0]);
                        records.setString(2, transfer[1]);
                        records.setString(3, transfer[2]);
                        records.setTimestamp(4, now);
                        records.setTimestamp(5, now);
                        records.addBatch();
                        audit.setString(1, UUID.randomUUID().toString());
                        audit.setString(2, transfer[0]);
                        audit.setString(3, "generated history: " + transfer[1] + " paid " + transfer[2] + " 0.01 EUR");
                        audit.setTimestamp(4, now);
                        audit.addBatch();
                    }
                    entry(entriesA, there, payerA.id(), CENT.negate(), payerA.balance().subtract(CENT), now);
                    entry(entriesA, back, payerA.id(), CENT, payerA.balance(), now);
                    entry(entriesB, there, payerB.id(), CENT, payerB.balance().add(CENT), now);
                    entry(entriesB, back, payerB.id(), CENT.negate(), payerB.balance(), now);
                    if ((pair + 1) % PAIRS_PER_COMMIT == 0) {
                        flush(a, records, audit, entriesA);
                        flush(b, entriesB);
                    }
                }
                flush(a, records, audit, entriesA);
                flush(b, entriesB);
            }
        }
    }

    private static String entryInsert() {
        return "INSERT INTO ledger_entry (id, transfer_id, account_id, amount, balance_after, posted_at) VALUES (?, ?, ?, ?, ?, ?)";
    }

    private static void entry(PreparedStatement insert, String transfer, String account, BigDecimal amount,
                              BigDecimal balanceAfter, Timestamp at) throws SQLException {
        insert.setString(1, transfer + (amount.signum() < 0 ? ":D" : ":C"));
        insert.setString(2, transfer);
        insert.setString(3, account);
        insert.setBigDecimal(4, amount);
        insert.setBigDecimal(5, balanceAfter);
        insert.setTimestamp(6, at);
        insert.addBatch();
    }

    private static void flush(Connection connection, PreparedStatement... batches) throws SQLException {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
        connection.commit();
    }

    private static List<Account> eurAccounts(Connection connection) throws SQLException {
        var accounts = new ArrayList<Account>();
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, balance FROM account WHERE currency = 'EUR' ORDER BY id")) {
            while (rows.next()) {
                accounts.add(new Account(rows.getString(1), rows.getBigDecimal(2)));
            }
        }
        return accounts;
    }
}
