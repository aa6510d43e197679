package dev.tandem.ledgerxa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/**
 * What a transaction manager is told when phase 2 loses the connection (the branch is completed on a
 * fresh connection, or it is reported as not yet done, XA_RETRY for a commit, never as rolled back; a
 * rollback is then owed until the database can be reached), and
 * when it asks to prepare a transaction the database has failed (rolled back). The databases' side of it
 * (that a prepared branch can be completed from another session, how each driver reports the lost
 * connection, what PostgreSQL does with a failed transaction) is checked against PostgreSQL and MariaDB
 * by LedgerXADataSourcesIT.
 */
class LedgerXAResourceTest {

    private static final Xid XID = new Xid() {
        public int getFormatId() { return 1; }
        public byte[] getGlobalTransactionId() { return new byte[] {1}; }
        public byte[] getBranchQualifier() { return new byte[] {2}; }
    };

    /** What each XA resource was asked to do, and what it answers. */
    private final List<String> calls = new ArrayList<>();

    private XAResource resource(String name, XAException answer) {
        return (XAResource) Proxy.newProxyInstance(XAResource.class.getClassLoader(), new Class<?>[] {XAResource.class},
                (proxy, method, arguments) -> {
                    calls.add(name + " " + method.getName());
                    if (answer != null) {
                        throw answer;
                    }
                    return method.getReturnType() == int.class ? XAResource.XA_OK : null;
                });
    }

    private XAConnection connectionWith(XAResource resource) {
        return (XAConnection) Proxy.newProxyInstance(XAConnection.class.getClassLoader(), new Class<?>[] {XAConnection.class},
                (proxy, method, arguments) -> {
                    calls.add("fresh " + method.getName());
                    return method.getName().equals("getXAResource") ? resource : null;
                });
    }

    private static XAException failure(int errorCode, Throwable cause) {
        var failure = new XAException(errorCode);
        failure.initCause(cause);
        return failure;
    }

    /** As PostgreSQL's driver reports a commit whose server went away: "rolled back", though still prepared. */
    private static XAException lostConnection() {
        return failure(XAException.XAER_RMERR, new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    }

    @Test
    void commitThatLostItsConnectionIsDoneOnAFreshOne() throws Exception {
        var reconnecting = new LedgerXAResource(resource("own", lostConnection()), () -> connectionWith(resource("other", null)), () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));

        reconnecting.commit(XID, false);

        assertThat(calls).containsExactly("own commit", "fresh getXAResource", "other commit", "fresh close");
    }

    @Test
    void commitWhileTheDatabaseIsUnreachableIsToBeRetried() {
        var reconnecting = new LedgerXAResource(resource("own", lostConnection()), () -> {
            throw new SQLNonTransientConnectionException("Connection refused", "08001");
        }, () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));

        assertThatThrownBy(() -> reconnecting.commit(XID, false)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RETRY));
    }

    @Test
    void rollbackWhileTheDatabaseIsUnreachableIsOwedUntilItCanBeReached() throws Exception {
        var owed = OwedRollbacks.of("jdbc:unreachable", "test");
        // MariaDB's driver answers a lost connection with error code 0
        var reconnecting = new LedgerXAResource(resource("own", failure(0, new SQLNonTransientConnectionException("Socket error", "08000"))),
                () -> connectionWith(resource("other", failure(XAException.XAER_RMFAIL, new SQLException("refused", "08001")))), () -> false,
                HeldPrepares.NONE, owed);

        assertThatThrownBy(() -> reconnecting.rollback(XID)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
        assertThat(calls).contains("other rollback", "fresh close");
        assertThat(owed.isEmpty()).isFalse();

        calls.clear();
        owed.settle(() -> connectionWith(resource("still down", failure(XAException.XAER_RMFAIL, new SQLException("refused", "08001")))));
        assertThat(calls).containsExactly("fresh getXAResource", "still down rollback", "fresh close");
        assertThat(owed.isEmpty()).isFalse();

        calls.clear();
        owed.settle(() -> connectionWith(resource("back", null)));
        owed.settle(() -> connectionWith(resource("again", null)));
        assertThat(calls).containsExactly("fresh getXAResource", "back rollback", "fresh close");
        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void owedRollbackOfABranchNoLongerPreparedIsSettled() throws Exception {
        var owed = OwedRollbacks.of("jdbc:branch-gone", "test");
        owed.owe(XID);

        owed.settle(() -> connectionWith(resource("back", new XAException(XAException.XAER_NOTA))));

        assertThat(calls).containsExactly("fresh getXAResource", "back rollback", "fresh close");
        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void branchNoLongerPreparedWasCompletedByTheLostAttempt() throws Exception {
        var reconnecting = new LedgerXAResource(resource("own", lostConnection()),
                () -> connectionWith(resource("other", new XAException(XAException.XAER_NOTA))), () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));

        reconnecting.commit(XID, false);

        assertThat(calls).containsExactly("own commit", "fresh getXAResource", "other commit", "fresh close");
    }

    @Test
    void refusalsOfTheDatabaseAndOnePhaseCommitsAreTheDriversAnswer() {
        XAException refused = failure(XAException.XAER_RMERR, new SQLException("could not serialize access", "40001"));
        var refusing = new LedgerXAResource(resource("own", refused), () -> connectionWith(resource("other", null)), () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));
        assertThatThrownBy(() -> refusing.commit(XID, false)).isSameAs(refused);

        XAException onePhaseLost = lostConnection();
        var onePhase = new LedgerXAResource(resource("own", onePhaseLost), () -> connectionWith(resource("other", null)), () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));
        assertThatThrownBy(() -> onePhase.commit(XID, true)).isSameAs(onePhaseLost);

        assertThat(calls).containsExactly("own commit", "own commit");
    }

    @Test
    void transactionTheDatabaseFailedIsRolledBackInsteadOfPreparedOrCommitted() throws Exception {
        var failed = new LedgerXAResource(resource("own", null), () -> connectionWith(resource("other", null)), () -> true, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));
        assertThatThrownBy(() -> failed.prepare(XID)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBROLLBACK));

        assertThatThrownBy(() -> failed.commit(XID, true)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBROLLBACK));

        var healthy = new LedgerXAResource(resource("own", null), () -> connectionWith(resource("other", null)), () -> false, HeldPrepares.NONE, OwedRollbacks.of("jdbc:test", "test"));
        assertThat(healthy.prepare(XID)).isEqualTo(XAResource.XA_OK);

        assertThat(calls).containsExactly("own rollback", "own rollback", "own prepare");
    }
}
