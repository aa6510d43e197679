package dev.tandem.artemisra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The container's endpoint factory, with endpoints whose {@code beforeDelivery} fails unless the
 * container started the delivery's session in its transaction. The adapter then does not acknowledge
 * the message; it rolls its session back, and the broker delivers the message again later.
 * <p>
 * Refused, a delivery first completes the container's side ({@code afterDelivery}, with no bean
 * called and nothing done in the transaction), as the Jakarta Connectors contract pairs the two.
 */
final class EnlistmentCheckingEndpointFactory implements MessageEndpointFactory {

    private static final Logger LOG = Logger.getLogger(EnlistmentCheckingEndpointFactory.class.getName());

    private final MessageEndpointFactory container;

    EnlistmentCheckingEndpointFactory(MessageEndpointFactory container) {
        this.container = container;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource session) throws UnavailableException {
        return createEndpoint(session, 0);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource session, long timeout) throws UnavailableException {
        if (session == null) {
            // not transacted: nothing to join
            return container.createEndpoint(null, timeout);
        }
        var watched = new StartWatchingXAResource(session);
        return guarded(container.createEndpoint(watched, timeout), watched);
    }

    static MessageEndpoint guarded(MessageEndpoint endpoint, StartWatchingXAResource session) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == MessageEndpoint.class && method.getName().equals("beforeDelivery")) {
                session.forgetStart();
                endpoint.beforeDelivery((Method) arguments[0]);
                if (!session.started()) {
                    refuse(endpoint);
                }
                return null;
            }
            try {
                return method.invoke(endpoint, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MessageEndpoint) Proxy.newProxyInstance(endpoint.getClass().getClassLoader(), endpoint.getClass().getInterfaces(), handler);
    }

    private static void refuse(MessageEndpoint endpoint) throws ResourceException {
        LOG.warning("The broker session did not join the delivery's transaction; the message is not acknowledged"
                + " and goes back to the queue");
        try {
            endpoint.afterDelivery();
        } catch (ResourceException | RuntimeException e) {
            LOG.log(Level.FINE, "afterDelivery of a refused delivery failed", e);
        }
        throw new ResourceException("the broker session is not part of the delivery's transaction");
    }

    @Override
    public boolean isDeliveryTransacted(Method method) throws NoSuchMethodException {
        return container.isDeliveryTransacted(method);
    }

    @Override
    public String getActivationName() {
        return container.getActivationName();
    }

    @Override
    public Class<?> getEndpointClass() {
        return container.getEndpointClass();
    }
}
