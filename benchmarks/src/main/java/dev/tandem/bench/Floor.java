package dev.tandem.bench;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.XAJMSContext;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The bare floor: Tandem's transaction shape with nothing but a JTA transaction manager (Narayana, in
 * this JVM) around it. A debit row update and entry insert in one database, the credit and its entry in
 * the other, one persistent JMS send, one two-phase commit over the three branches, with Narayana's log
 * on disk; the same with several transfers sharing one two-phase commit (group commit); and, for
 * reference, the same transfer within one database as a local JDBC transaction. It
 * works in databases of its own ({@value #DATABASE}) on the same PostgreSQL and MariaDB servers, and a
 * queue of its own on the same broker.
 */
final class Floor implements AutoCloseable {

    static final String DATABASE = "tandem_bench_floor";
    static final String QUEUE = "bench.floor";
    static final int ACCOUNTS_PER_LEDGER = 45;
    static final BigDecimal OPENING_BALANCE = new BigDecimal("1000.00");
    /** Group commit: this many committers, each applying up to {@value #GROUP_LIMIT} waiting transfers in one transaction. */
    static final int COMMITTERS = 4;
    static final int GROUP_LIMIT = 16;

    /** Where the floor runs: database servers (their administrators) and the broker. */
    record Servers(String postgresUrl, String postgresUser, String mariaDbUrl, String mariaDbUser, String mariaDbPassword,
                   String brokerUrl, String brokerUser, String brokerPassword) {
    }

    private final Servers servers;
    private final TransactionManager transactions;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private final AtomicLong prepared = new AtomicLong();
    private final AtomicLong committedInTwoPhases = new AtomicLong();
    private final AtomicLong committedTransactions = new AtomicLong();
    private final AtomicLong committedTransfers = new AtomicLong();
    private final ThreadLocal<XaBranches> xaBranches = ThreadLocal.withInitial(this::openXaBranches);
    private final ThreadLocal<Connection> localConnection = ThreadLocal.withInitial(this::openLocalConnection);

    Floor(Servers servers, Path transactionLog) throws SQLException, CoreEnvironmentBeanException {
        this.servers = servers;
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(transactionLog.toString());
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(transactionLog.toString());
        arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("tandem-bench-floor");
        this.transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        createLedgers();
    }

    /** Narayana's log: every transaction record is written with a sync to disk (its default, stated in the report). */
    static boolean transactionLogSynced() {
        return BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).isTransactionSync();
    }

    TransferCall xa() {
        return (from, to, accepted) -> commitTogether(List.of(new Transfer(from, to))).get(0);
    }

    /**
     * Group commit: the clients hand their transfers to {@value #COMMITTERS} committers, and each takes every
     * transfer waiting (up to {@value #GROUP_LIMIT}) into one XA transaction. The fsyncs of one two-phase commit
     * then serve many transfers: what applying several queued requests together could give Tandem (issue 14).
     */
    TransferCall groupCommitted() {
        return new GroupCommit();
    }

    private record Transfer(String from, String to) {
    }

    /**
     * The transfers in one XA transaction, in their order, and each one's outcome. A transfer whose debit is
     * refused is rejected and leaves nothing behind; if none completes, the transaction rolls back.
     */
    private List<TransferCall.Outcome> commitTogether(List<Transfer> transfers) throws Exception {
        XaBranches branches = xaBranches.get();
        var outcomes = new ArrayList<TransferCall.Outcome>();
        transactions.begin();
        try {
            Transaction transaction = transactions.getTransaction();
            transaction.enlistResource(branches.ledgerA);
            transaction.enlistResource(branches.ledgerB);
            transaction.enlistResource(branches.broker);
            boolean grouped = transfers.size() > 1;
            if (grouped) {
                lockInOrder(branches.ledgerAConnection, "A", transfers);
                lockInOrder(branches.ledgerBConnection, "B", transfers);
            }
            for (Transfer transfer : transfers) {
                UUID id = UUID.randomUUID();
                Connection debited = transfer.from().startsWith("A") ? branches.ledgerAConnection : branches.ledgerBConnection;
                Connection credited = debited == branches.ledgerAConnection ? branches.ledgerBConnection : branches.ledgerAConnection;
                // Alone, ledger A first whatever the direction: no two transfers wait for each other across databases.
                // In a group the rows are locked already, and the debit goes first: a refused one leaves nothing to undo.
                boolean posted = grouped || debited == branches.ledgerAConnection
                        ? post(debited, transfer.from(), TandemCalls.AMOUNT.negate(), id) && post(credited, transfer.to(), TandemCalls.AMOUNT, id)
                        : post(credited, transfer.to(), TandemCalls.AMOUNT, id) && post(debited, transfer.from(), TandemCalls.AMOUNT.negate(), id);
                if (!posted && !grouped) {
                    break;
                }
                outcomes.add(posted ? TransferCall.Outcome.COMPLETED : TransferCall.Outcome.REJECTED);
                if (posted) {
                    branches.jms.createProducer().send(branches.queue,
                            "{\"id\":\"" + id + "\",\"from\":\"" + transfer.from() + "\",\"to\":\"" + transfer.to() + "\"}");
                }
            }
        } catch (Exception | Error failure) {
            transactions.rollback();
            throw failure;
        }
        long completed = outcomes.stream().filter(TransferCall.Outcome.COMPLETED::equals).count();
        if (completed == 0) {
            transactions.rollback();
            return Collections.nCopies(transfers.size(), TransferCall.Outcome.REJECTED);
        }
        transactions.commit();
        committedTransactions.incrementAndGet();
        committedTransfers.addAndGet(completed);
        return outcomes;
    }

    /** The rows of one ledger's accounts among the transfers, locked in id order: groups never wait for each other in a circle. */
    private static void lockInOrder(Connection ledger, String prefix, List<Transfer> transfers) throws SQLException {
        var accounts = new TreeSet<String>();
        transfers.forEach(transfer -> Stream.of(transfer.from(), transfer.to()).filter(id -> id.startsWith(prefix)).forEach(accounts::add));
        String marks = String.join(", ", Collections.nCopies(accounts.size(), "?"));
        try (PreparedStatement lock = ledger.prepareStatement("SELECT id FROM account WHERE id IN (" + marks + ") ORDER BY id FOR UPDATE")) {
            int parameter = 1;
            for (String account : accounts) {
                lock.setString(parameter++, account);
            }
            try (ResultSet locked = lock.executeQuery()) {
                while (locked.next()) {
                    // every row read: locked whether or not the driver streams the result
                }
            }
        }
    }

    /** Clients wait for their transfer's outcome while the committers work through what waits. */
    private final class GroupCommit implements TransferCall {

        private record Waiting(Transfer transfer, CompletableFuture<Outcome> outcome) {
        }

        private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
        private final ExecutorService committers = Executors.newFixedThreadPool(COMMITTERS);
        private volatile boolean closed;

        GroupCommit() {
            for (int committer = 0; committer < COMMITTERS; committer++) {
                committers.execute(this::commitWhatWaits);
            }
        }

        @Override
        public Outcome transfer(String from, String to, long[] accepted) throws Exception {
            var handedOver = new Waiting(new Transfer(from, to), new CompletableFuture<>());
            waiting.add(handedOver);
            try {
                return handedOver.outcome().get(TandemCalls.SETTLE_WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }

        private void commitWhatWaits() {
            while (!closed) {
                Waiting first;
                try {
                    first = waiting.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (first == null) {
                    continue;
                }
                var group = new ArrayList<Waiting>(List.of(first));
                waiting.drainTo(group, GROUP_LIMIT - 1);
                try {
                    List<Outcome> outcomes = commitTogether(group.stream().map(Waiting::transfer).toList());
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).outcome().complete(outcomes.get(i));
                    }
                } catch (Exception | Error failure) {
                    group.forEach(member -> member.outcome().completeExceptionally(failure));
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            committers.shutdown();
            committers.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Both accounts in ledger A's database, one local transaction; rows locked in id order. */
    TransferCall local() {
        return (from, to, accepted) -> {
            Connection connection = localConnection.get();
            String localFrom = "A" + from.substring(1);
            String localTo = "A" + to.substring(1);
            UUID id = UUID.randomUUID();
            try {
                boolean debitFirst = localFrom.compareTo(localTo) < 0;
                boolean posted = debitFirst
                        ? post(connection, localFrom, TandemCalls.AMOUNT.negate(), id) && post(connection, localTo, TandemCalls.AMOUNT, id)
                        : post(connection, localTo, TandemCalls.AMOUNT, id) && post(connection, localFrom, TandemCalls.AMOUNT.negate(), id);
                if (!posted) {
                    connection.rollback();
                    return TransferCall.Outcome.REJECTED;
                }
                connection.commit();
                return TransferCall.Outcome.COMPLETED;
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            }
        };
    }

    /** One leg: the balance changes unless it would go below zero, and an entry records it. */
    private static boolean post(Connection connection, String account, BigDecimal amount, UUID transfer) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ? AND balance + ? >= 0")) {
            update.setBigDecimal(1, amount);
            update.setString(2, account);
            update.setBigDecimal(3, amount);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement entry = connection.prepareStatement("INSERT INTO entry (transfer_id, account_id, amount) VALUES (?, ?, ?)")) {
            entry.setString(1, transfer.toString());
            entry.setString(2, account);
            entry.setBigDecimal(3, amount);
            entry.executeUpdate();
        }
        return true;
    }

    /** What the floor did, checked: it committed transfers, and every branch of every committed transaction prepared and committed, money conserved. */
    record Check(long transactions, long transfers, long prepared, long committed, long messages, BigDecimal money, BigDecimal openedWith) {
        boolean holds() {
            return transactions > 0 && prepared == 3 * transactions && committed == 3 * transactions && messages == transfers
                    && transfers >= transactions && money.compareTo(openedWith) == 0;
        }
    }

    Check check() throws SQLException {
        long messages = 0;
        try (JMSContext jms = new ActiveMQXAConnectionFactory(servers.brokerUrl(), servers.brokerUser(), servers.brokerPassword()).createContext();
             var consumer = jms.createConsumer(jms.createQueue(QUEUE))) {
            while (consumer.receive(messages == 0 ? 2_000 : 500) != null) {
                messages++;
            }
        }
        BigDecimal money = sum(postgres()).add(sum(mariaDb()));
        return new Check(committedTransactions.get(), committedTransfers.get(), prepared.get(), committedInTwoPhases.get(), messages, money,
                OPENING_BALANCE.multiply(BigDecimal.valueOf(2L * ACCOUNTS_PER_LEDGER)));
    }

    static List<String> accounts(String ledger) {
        return IntStream.rangeClosed(1, ACCOUNTS_PER_LEDGER).mapToObj(n -> "%s-%04d".formatted(ledger, n)).toList();
    }

    private void createLedgers() throws SQLException {
        try (Connection admin = DriverManager.getConnection(servers.postgresUrl() + "postgres", servers.postgresUser(), null);
             Statement sql = admin.createStatement()) {
            try (ResultSet prepared = sql.executeQuery("SHOW max_prepared_transactions")) {
                if (prepared.next() && prepared.getInt(1) == 0) {
                    throw new IllegalStateException("PostgreSQL has max_prepared_transactions = 0: it cannot prepare XA branches."
                            + " Set it to 100 and restart PostgreSQL (./tandem bench does this when run as root)");
                }
            }
            try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    sql.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        try (Connection admin = DriverManager.getConnection(servers.mariaDbUrl(), servers.mariaDbUser(), servers.mariaDbPassword());
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        }
        openLedger(postgres(), "A", "BIGSERIAL");
        openLedger(mariaDb(), "B", "BIGINT AUTO_INCREMENT");
    }

    private static void openLedger(Connection connection, String ledger, String serial) throws SQLException {
        try (connection; Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS entry");
            sql.execute("DROP TABLE IF EXISTS account");
            sql.execute("CREATE TABLE account (id VARCHAR(36) PRIMARY KEY, balance DECIMAL(19, 2) NOT NULL)");
            sql.execute("CREATE TABLE entry (id " + serial + " PRIMARY KEY, transfer_id VARCHAR(36) NOT NULL,"
                    + " account_id VARCHAR(36) NOT NULL, amount DECIMAL(19, 2) NOT NULL)");
            for (String account : accounts(ledger)) {
                sql.execute("INSERT INTO account (id, balance) VALUES ('" + account + "', " + OPENING_BALANCE + ")");
            }
        }
    }

    private static BigDecimal sum(Connection connection) throws SQLException {
        try (connection; Statement sql = connection.createStatement(); ResultSet sum = sql.executeQuery("SELECT SUM(balance) FROM account")) {
            sum.next();
            return sum.getBigDecimal(1);
        }
    }

    private Connection postgres() throws SQLException {
        return DriverManager.getConnection(servers.postgresUrl() + DATABASE, servers.postgresUser(), null);
    }

    private Connection mariaDb() throws SQLException {
        return DriverManager.getConnection(servers.mariaDbUrl() + DATABASE, servers.mariaDbUser(), servers.mariaDbPassword());
    }

    /** One thread's XA connections to the three resources, kept for its whole run. */
    private record XaBranches(XAResource ledgerA, Connection ledgerAConnection, XAResource ledgerB, Connection ledgerBConnection,
                              XAResource broker, XAJMSContext jms, Queue queue) {
    }

    private XaBranches openXaBranches() {
        try {
            var postgres = new PGXADataSource();
            postgres.setUrl(servers.postgresUrl() + DATABASE);
            postgres.setUser(servers.postgresUser());
            XAConnection ledgerA = postgres.getXAConnection();
            opened.add(ledgerA::close);
            var mariaDb = new MariaDbDataSource(servers.mariaDbUrl() + DATABASE);
            mariaDb.setUser(servers.mariaDbUser());
            mariaDb.setPassword(servers.mariaDbPassword());
            XAConnection ledgerB = mariaDb.getXAConnection();
            opened.add(ledgerB::close);
            XAJMSContext jms = remember(new ActiveMQXAConnectionFactory(servers.brokerUrl(), servers.brokerUser(), servers.brokerPassword())
                    .createXAContext());
            return new XaBranches(new Counted(ledgerA.getXAResource()), ledgerA.getConnection(), new Counted(ledgerB.getXAResource()),
                    ledgerB.getConnection(), new Counted(jms.getXAResource()), jms, jms.createQueue(QUEUE));
        } catch (SQLException e) {
            throw new IllegalStateException("the floor cannot reach its databases: " + e.getMessage(), e);
        }
    }

    private Connection openLocalConnection() {
        try {
            Connection connection = postgres();
            connection.setAutoCommit(false);
            return remember(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the floor cannot reach PostgreSQL: " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public void close() {
        var failures = new ArrayList<Exception>();
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        opened.clear();
        failures.forEach(failure -> System.err.println("bench: closing a floor connection: " + failure));
    }

    /** Counts what the transaction manager asks of each branch, so the check can prove it really ran two phases. */
    private final class Counted implements XAResource {
        private final XAResource branch;

        Counted(XAResource branch) {
            this.branch = branch;
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            int vote = branch.prepare(xid);
            if (vote == XA_OK) {
                prepared.incrementAndGet();
            }
            return vote;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            branch.commit(xid, onePhase);
            if (!onePhase) {
                committedInTwoPhases.incrementAndGet();
            }
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            branch.end(xid, flags);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            branch.forget(xid);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return branch.getTransactionTimeout();
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return other instanceof Counted counted ? branch.isSameRM(counted.branch) : branch.isSameRM(other);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return branch.recover(flag);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            branch.rollback(xid);
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return branch.setTransactionTimeout(seconds);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            branch.start(xid, flags);
        }
    }
}
