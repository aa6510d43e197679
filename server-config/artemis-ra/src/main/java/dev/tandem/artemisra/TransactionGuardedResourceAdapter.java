package dev.tandem.artemisra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * Artemis' resource adapter, whose message-driven deliveries go through {@link EnlistmentCheckingEndpointFactory}.
 * <p>
 * The adapter acknowledges a message before it calls the bean, counting on the session being part of
 * the transaction the container began in {@code beforeDelivery}. Payara's transaction manager does not
 * insist: when it cannot enlist the session (the broker just came back, the application is stopping),
 * it drops the session from the transaction, logs that only at level FINE, and delivers anyway. The
 * acknowledgement then commits on its own, and a request whose transaction rolls back is lost.
 */
public class TransactionGuardedResourceAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;

    @Override
    public void endpointActivation(MessageEndpointFactory container, ActivationSpec spec) throws ResourceException {
        // the adapter keeps its activations by spec, so deactivation needs no wrapper
        super.endpointActivation(new EnlistmentCheckingEndpointFactory(container), spec);
    }
}
