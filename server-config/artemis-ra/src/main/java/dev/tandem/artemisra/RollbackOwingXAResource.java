package dev.tandem.artemisra;

import java.util.Map;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.service.extensions.xa.ActiveMQXAResourceWrapper;
import org.apache.activemq.artemis.service.extensions.xa.ActiveMQXAResourceWrapperFactory;
import org.apache.activemq.artemis.service.extensions.xa.ActiveMQXAResourceWrapperImpl;

/**
 * A broker session's XA resource, as the adapter hands it to the transaction manager (message-driven
 * deliveries and pooled connections alike), that owes the broker the rollback of a branch which a failed
 * {@code prepare} or {@code rollback} may have left prepared there ({@link OwedBrokerRollbacks}).
 */
final class RollbackOwingXAResource extends SessionXAResource implements ActiveMQXAResourceWrapper {

    /** Found by the adapter's {@code ServiceUtils} as the service that wraps every XA resource it gives out. */
    public static final class Factory implements ActiveMQXAResourceWrapperFactory {
        @Override
        public ActiveMQXAResourceWrapper wrap(XAResource session, Map<String, Object> properties) {
            return new RollbackOwingXAResource(new ActiveMQXAResourceWrapperImpl(session, properties), OwedBrokerRollbacks.OF_THIS_ADAPTER);
        }
    }

    private final OwedBrokerRollbacks owedRollbacks;

    RollbackOwingXAResource(ActiveMQXAResourceWrapper session, OwedBrokerRollbacks owedRollbacks) {
        super(session);
        this.owedRollbacks = owedRollbacks;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        try {
            return super.prepare(xid);
        } catch (XAException failure) {
            if (OwedBrokerRollbacks.leavesOutcomeUnknown(failure)) {
                owedRollbacks.owe(xid, failure);
            }
            throw failure;
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            super.rollback(xid);
        } catch (XAException failure) {
            if (OwedBrokerRollbacks.leavesOutcomeUnknown(failure)) {
                owedRollbacks.owe(xid, failure);
            }
            throw failure;
        }
        owedRollbacks.paid(xid);
    }
}
