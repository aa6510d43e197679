package dev.tandem.ledgerxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branches prepared and then abandoned by a database that went down (H2's {@code SHUTDOWN IMMEDIATELY},
 * as after {@code kill -9}) are completed the way a recovering transaction manager does it: a new
 * connection, {@code recover}, then {@code commit} or {@code rollback} of each branch it returned.
 * (H2's own data source rolls back only the first of several.) And a branch prepared on a connection
 * whose pool closes it, closes its handle or asks for a new one before the outcome arrives is kept, not
 * rolled back as H2 would.
 */
class RecoverableH2XADataSourceTest {

    private static final String USER = "tandem";
    private static final String PASSWORD = "secret";

    @TempDir
    Path directory;

    private RecoverableH2XADataSource dataSource;

    @BeforeEach
    void createLedger() throws SQLException {
        dataSource = new RecoverableH2XADataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("ledger"));
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        execute("CREATE TABLE entry (id INT PRIMARY KEY)");
    }

    @Test
    void refusesNewConnectionsWhileItsOutageFileExists() throws Exception {
        Path outage = directory.resolve("ledger.unreachable");
        dataSource.setUnreachableWhile(outage.toString());
        dataSource.getXAConnection(USER, PASSWORD).close();

        Files.writeString(outage, "");
        assertThatThrownBy(() -> dataSource.getXAConnection(USER, PASSWORD))
                .isInstanceOf(SQLNonTransientConnectionException.class).hasMessageContaining("unreachable");
        assertThatThrownBy(dataSource::getXAConnection).isInstanceOf(SQLNonTransientConnectionException.class);

        Files.delete(outage);
        dataSource.getXAConnection(USER, PASSWORD).close();
    }

    @Test
    void everyBranchInDoubtIsRolledBackByTheRecoveringConnection() throws Exception {
        leaveInDoubt(new TestXid(1), new TestXid(2), new TestXid(3));

        XAResource recovering = dataSource.getXAConnection().getXAResource();
        Xid[] inDoubt = recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertThat(inDoubt).hasSize(3);
        for (Xid xid : inDoubt) {
            recovering.rollback(xid);
        }

        assertThat(inDoubtNames()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void branchesInDoubtAreCommittedOrRolledBackEachAsDecided() throws Exception {
        TestXid committed = new TestXid(4);
        leaveInDoubt(new TestXid(5), committed, new TestXid(6));

        XAResource recovering = dataSource.getXAConnection().getXAResource();
        for (Xid xid : recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            if (Arrays.equals(xid.getGlobalTransactionId(), committed.getGlobalTransactionId())) {
                recovering.commit(xid, false);
            } else {
                recovering.rollback(xid);
            }
        }

        assertThat(inDoubtNames()).isEmpty();
        assertThat(entries()).containsExactly(4);
    }

    @Test
    void aCommitThatFindsTheDatabaseClosedIsRetriedLaterNotAHazard() throws Exception {
        TestXid xid = new TestXid(8);
        XAConnection connection = dataSource.getXAConnection(USER, PASSWORD);
        work(connection, xid);
        execute("SHUTDOWN IMMEDIATELY"); // as H2's own hook does when the server's JVM exits mid-commit

        assertThatThrownBy(() -> connection.getXAResource().commit(xid, false)).isInstanceOfSatisfying(XAException.class,
                failure -> assertThat(failure.errorCode).as("resource manager unavailable").isEqualTo(XAException.XAER_RMFAIL));

        XAResource recovering = dataSource.getXAConnection().getXAResource();
        assertThat(recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).hasSize(1);
        recovering.commit(xid, false);
        assertThat(inDoubtNames()).isEmpty();
        assertThat(entries()).containsExactly(8);
    }

    @Test
    void theNameOfABranchIsTheOneH2Gives() throws Exception {
        TestXid xid = new TestXid(7);
        leaveInDoubt(xid);

        assertThat(inDoubtNames()).containsExactly(InDoubtCompletingXAResource.transactionName(xid));
    }

    @Test
    void aBranchUnknownToTheDatabaseIsReportedAsSuch() throws Exception {
        XAResource resource = dataSource.getXAConnection().getXAResource();

        assertThatThrownBy(() -> resource.rollback(new TestXid(8)))
                .isInstanceOfSatisfying(XAException.class, e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
    }

    @Test
    void branchesOfItsOwnAreCommittedAndRolledBackAsUsual() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid committed = new TestXid(9);
        TestXid rolledBack = new TestXid(10);

        work(connection, committed);
        resource.commit(committed, false);
        work(connection, rolledBack);
        resource.rollback(rolledBack);
        connection.close();

        assertThat(entries()).containsExactly(9);
        assertThat(inDoubtNames()).isEmpty();
    }

    @Test
    void aPreparedBranchOutlivesThePoolClosingItsConnectionAndCommitsAsDecided() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(11);
        work(connection, xid);

        connection.close(); // a pool dropping its connections while the transaction manager commits
        resource.commit(xid, false);

        assertThat(entries()).containsExactly(11);
        assertThat(inDoubtNames()).isEmpty();
        assertThatThrownBy(connection::getConnection).as("closed once the outcome is in").isInstanceOf(Exception.class);
    }

    @Test
    void aPreparedBranchOutlivesThePoolClosingItsHandleAndCommitsAsDecided() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(13);
        Connection handle = work(connection, xid);

        handle.close(); // what Payara's pool does when the transaction manager gives up phase 2 part-way
        resource.commit(xid, false);

        assertThat(entries()).containsExactly(13);
        assertThat(inDoubtNames()).isEmpty();
    }

    @Test
    void noNewHandleIsGivenOutWhileABranchAwaitsItsOutcome() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(14);
        work(connection, xid).close();

        assertThatThrownBy(connection::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining(InDoubtCompletingXAResource.transactionName(xid));
        resource.commit(xid, false);

        assertThat(entries()).containsExactly(14);
        TestXid next = new TestXid(15);
        work(connection, next);
        resource.commit(next, false);
        assertThat(entries()).containsExactly(14, 15);
    }

    @Test
    void aBranchLeftPreparedOnAPooledConnectionIsCompletedByRecoveryAndTheConnectionRetires() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        TestXid xid = new TestXid(16);
        work(connection, xid).close();

        XAResource recovering = dataSource.getXAConnection().getXAResource();
        assertThat(recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).hasSize(1);
        recovering.commit(xid, false);

        assertThat(entries()).containsExactly(16);
        assertThat(inDoubtNames()).isEmpty();
        assertThatThrownBy(connection::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("retired");
        connection.close();
    }

    @Test
    void aConnectionWithoutAPreparedBranchClosesAtOnce() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        TestXid xid = new TestXid(12);
        work(connection, xid);
        connection.getXAResource().rollback(xid);

        connection.close();

        assertThatThrownBy(connection::getConnection).as("closed").isInstanceOf(Exception.class);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aBranchWhoseConnectionThePoolClosesWhileItsPrepareIsAnsweredCommitsAsDecided() throws Exception {
        Path held = directory.resolve("prepares.held");
        dataSource.setPreparesHeldWhile(held.toString());
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(17);
        Connection handle = connection.getConnection();
        resource.start(xid, XAResource.TMNOFLAGS);
        insert(handle, xid);
        resource.end(xid, XAResource.TMSUCCESS);

        Files.writeString(held, "");
        CompletableFuture<Integer> vote = CompletableFuture.supplyAsync(() -> prepare(resource, xid));
        Path reached = directory.resolve("prepares.held.reached");
        while (!Files.exists(reached)) {
            Thread.sleep(10);
        }
        assertThat(Files.readString(reached)).isEqualTo(Xids.describe(xid));
        connection.close(); // a pool flushed or recreated while the vote is on its way
        Files.delete(held);

        assertThat(vote.get()).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);
        assertThat(entries()).containsExactly(17);
        assertThat(inDoubtNames()).isEmpty();
    }

    @Test
    void aBranchWhoseConnectionThePoolClosesBeforePrepareIsPreparedAndCommittedAsDecided() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(18);
        Connection handle = connection.getConnection();
        resource.start(xid, XAResource.TMNOFLAGS);
        insert(handle, xid);
        resource.end(xid, XAResource.TMSUCCESS);

        connection.close(); // the pool destroys a connection whose branch is in flight

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);
        assertThat(entries()).containsExactly(18);
        assertThatThrownBy(connection::getConnection).as("closed once the outcome is in").isInstanceOf(Exception.class);
    }

    @Test
    void aHandleClosedWhileItsBranchIsInFlightDoesNotUndoTheBranch() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(19);
        Connection handle = connection.getConnection();
        resource.start(xid, XAResource.TMNOFLAGS);
        insert(handle, xid);

        handle.close(); // H2 alone rolls back the session's work here, and prepare would still vote XA_OK
        resource.end(xid, XAResource.TMSUCCESS);

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);
        assertThat(entries()).containsExactly(19);
    }

    @Test
    void aHandleRefusesLocalTransactionControlWhileItsBranchIsInFlight() throws Exception {
        XAConnection connection = dataSource.getXAConnection();
        XAResource resource = connection.getXAResource();
        TestXid xid = new TestXid(20);
        Connection handle = connection.getConnection();
        resource.start(xid, XAResource.TMNOFLAGS);
        insert(handle, xid);

        // H2 alone would commit the branch on the spot (setAutoCommit, commit) or undo it (rollback)
        assertThatThrownBy(() -> handle.setAutoCommit(true)).isInstanceOf(SQLException.class).hasMessageContaining("in flight");
        assertThatThrownBy(handle::commit).isInstanceOf(SQLException.class).hasMessageContaining("in flight");
        assertThatThrownBy(handle::rollback).isInstanceOf(SQLException.class).hasMessageContaining("in flight");
        assertThat(entries()).as("nothing committed outside the two-phase commit").isEmpty();

        resource.end(xid, XAResource.TMSUCCESS);
        resource.rollback(xid);
        assertThat(entries()).isEmpty();
        handle.setAutoCommit(true);
    }

    /** Prepares branches, each through a connection of H2's own, then takes the database down without a word. */
    private void leaveInDoubt(TestXid... xids) throws Exception {
        var h2 = new JdbcDataSource();
        h2.setURL(dataSource.getURL());
        for (TestXid xid : xids) {
            work(h2.getXAConnection(USER, PASSWORD), xid);
        }
        execute("SHUTDOWN IMMEDIATELY");
        assertThat(inDoubtNames()).hasSize(xids.length);
    }

    /** Inserts the entry numbered like the branch and prepares the branch; returns the handle it used. */
    private static Connection work(XAConnection connection, TestXid xid) throws Exception {
        XAResource resource = connection.getXAResource();
        Connection handle = connection.getConnection(); // before start: H2 rolls the session back when it hands out a handle
        resource.start(xid, XAResource.TMNOFLAGS);
        insert(handle, xid);
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        return handle;
    }

    private static void insert(Connection handle, TestXid xid) throws SQLException {
        try (Statement statement = handle.createStatement()) {
            statement.executeUpdate("INSERT INTO entry VALUES (" + xid.number() + ")");
        }
    }

    private static int prepare(XAResource resource, Xid xid) {
        try {
            return resource.prepare(xid);
        } catch (XAException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> inDoubtNames() throws SQLException {
        return strings("SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT");
    }

    private List<Integer> entries() throws SQLException {
        return strings("SELECT id FROM entry").stream().map(Integer::valueOf).toList();
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection connection = plainConnection(); var rows = connection.createStatement().executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = plainConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection plainConnection() throws SQLException {
        return dataSource.getXAConnection().getConnection();
    }

    private record TestXid(int number) implements Xid {
        @Override
        public int getFormatId() {
            return 4711;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ("test-transaction-" + number).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] getBranchQualifier() {
            return ("branch-" + number).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
