package dev.tandem.artemisra;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Timer;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * Artemis' resource adapter, whose message-driven deliveries go through {@link EnlistmentCheckingEndpointFactory}.
 * <p>
 * The adapter acknowledges a message before it calls the bean, counting on the session being part of
 * the transaction the container began in {@code beforeDelivery}. Payara's transaction manager does not
 * insist: when it cannot enlist the session (the broker just came back, the application is stopping),
 * it drops the session from the transaction, logs that only at level FINE, and delivers anyway. The
 * acknowledgement then commits on its own, and a request whose transaction rolls back is lost.
 * <p>
 * Every XA resource the adapter gives out owes the broker the rollbacks it could not get through
 * ({@link RollbackOwingXAResource}); every {@link #SETTLE_EVERY_MILLIS} ms they are tried on a connection of
 * their own, with the adapter's connectors and credentials ({@link OwedBrokerRollbacks}).
 */
public class TransactionGuardedResourceAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TransactionGuardedResourceAdapter.class.getName());
    /** As often as a pooled connection tries to reconnect. */
    private static final long SETTLE_EVERY_MILLIS = 2_000;

    private transient Timer settling;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        super.start(context);
        try {
            settling = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("No timer for the rollbacks owed to the broker", e);
        }
        settling.schedule(new TimerTask() {
            @Override
            public void run() {
                settleOwedRollbacks();
            }
        }, SETTLE_EVERY_MILLIS, SETTLE_EVERY_MILLIS);
    }

    private void settleOwedRollbacks() {
        OwedBrokerRollbacks owed = OwedBrokerRollbacks.OF_THIS_ADAPTER;
        if (owed.isEmpty()) {
            return;
        }
        try (XAConnection connection = getDefaultActiveMQConnectionFactory().createXAConnection(getUserName(), getPassword())) {
            owed.settle(connection.createXASession().getXAResource());
        } catch (JMSException | ResourceException | XAException | RuntimeException unreachable) {
            LOG.log(Level.FINE, "The rollbacks owed to the broker stay owed", unreachable);
        }
    }

    @Override
    public void stop() {
        if (settling != null) {
            settling.cancel();
        }
        super.stop();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory container, ActivationSpec spec) throws ResourceException {
        // the adapter keeps its activations by spec, so deactivation needs no wrapper
        super.endpointActivation(new EnlistmentCheckingEndpointFactory(container), spec);
    }
}
