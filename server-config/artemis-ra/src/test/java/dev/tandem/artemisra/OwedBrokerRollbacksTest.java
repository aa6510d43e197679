package dev.tandem.artemisra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.service.extensions.xa.ActiveMQXAResourceWrapperFactory;
import org.apache.activemq.artemis.service.extensions.xa.ActiveMQXAResourceWrapperImpl;
import org.junit.jupiter.api.Test;

/** Which failures of a broker branch leave a rollback owed to the broker, and how it is settled. */
class OwedBrokerRollbacksTest {

    private static final Xid XID = new TestXid(new byte[] {1, 2}, new byte[] {3});

    private final OwedBrokerRollbacks owed = new OwedBrokerRollbacks();
    private final ScriptedSession deliverySession = new ScriptedSession();
    private final RollbackOwingXAResource branch = new RollbackOwingXAResource(new ActiveMQXAResourceWrapperImpl(deliverySession, Map.of()), owed);

    @Test
    void theAdapterWrapsEveryXAResourceItGivesOutSoThatItOwes() {
        var wrappers = ServiceLoader.load(ActiveMQXAResourceWrapperFactory.class).stream().map(ServiceLoader.Provider::get).toList();

        assertThat(wrappers).hasSize(1);
        assertThat(wrappers.get(0).wrap(deliverySession, Map.of())).isInstanceOf(RollbackOwingXAResource.class);
    }

    @Test
    void aPrepareCutByAFailoverOwesTheRollbackUntilTheBrokerAnswers() throws Exception {
        deliverySession.answers.add(XAException.XAER_RMFAIL); // prepare
        deliverySession.answers.add(XAException.XAER_RMFAIL); // the transaction manager's rollback

        assertThatThrownBy(() -> branch.prepare(XID)).isInstanceOf(XAException.class);
        assertThatThrownBy(() -> branch.rollback(XID)).isInstanceOf(XAException.class);
        assertThat(owed.isEmpty()).isFalse();

        var unreachable = new ScriptedSession();
        unreachable.answers.add(XAException.XAER_RMFAIL);
        assertThatThrownBy(() -> owed.settle(unreachable)).isInstanceOf(XAException.class);
        assertThat(owed.isEmpty()).isFalse();

        var failedOver = new ScriptedSession();
        owed.settle(failedOver);
        assertThat(failedOver.rolledBack).containsExactly(OwedBrokerRollbacks.describe(XID));
        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void aRollbackTheBrokerAnsweredIsNotOwed() throws Exception {
        deliverySession.answers.add(XAException.XAER_RMFAIL); // prepare
        assertThatThrownBy(() -> branch.prepare(XID)).isInstanceOf(XAException.class);

        branch.rollback(XID);

        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void aPrepareTheBrokerRolledBackOwesNothing() {
        deliverySession.answers.add(XAException.XA_RBROLLBACK);

        assertThatThrownBy(() -> branch.prepare(XID)).isInstanceOf(XAException.class);

        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void aBranchTheBrokerDoesNotHoldIsNoLongerOwed() throws Exception {
        deliverySession.answers.add(XAException.XAER_RMFAIL);
        assertThatThrownBy(() -> branch.rollback(XID)).isInstanceOf(XAException.class);

        var failedOver = new ScriptedSession();
        failedOver.answers.add(XAException.XAER_NOTA);
        owed.settle(failedOver);

        assertThat(owed.isEmpty()).isTrue();
    }

    @Test
    void theOwedBranchIsACopyThatOutlivesTheTransactionManagersXid() throws Exception {
        byte[] globalId = {7, 7};
        deliverySession.answers.add(XAException.XAER_RMFAIL);
        assertThatThrownBy(() -> branch.rollback(new TestXid(globalId, new byte[] {1}))).isInstanceOf(XAException.class);
        globalId[0] = 0;

        var failedOver = new ScriptedSession();
        owed.settle(failedOver);

        assertThat(failedOver.rolledBack).containsExactly("xid 4660:0707:01");
    }

    private record TestXid(byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
        @Override
        public int getFormatId() {
            return 0x1234;
        }
    }

    /** Answers each prepare or rollback with the next scripted error code, or succeeds once none is left. */
    private static final class ScriptedSession extends IdleSession {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<String> rolledBack = new ArrayList<>();

        private void answer() throws XAException {
            Integer errorCode = answers.poll();
            if (errorCode != null) {
                throw new XAException(errorCode);
            }
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            answer();
            return XA_OK;
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            answer();
            rolledBack.add(OwedBrokerRollbacks.describe(xid));
        }
    }
}
