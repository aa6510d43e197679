package dev.tandem.artemisra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** The delivery guard against a container that enlists the session, one that cannot, and one that does not. */
class EnlistmentCheckingEndpointFactoryTest {

    private static final Method ON_MESSAGE = onMessage();

    private final List<String> calls = new ArrayList<>();
    private final RecordingSession session = new RecordingSession();

    @Test
    void aDeliveryWhoseSessionJoinedTheTransactionGoesAhead() throws Exception {
        MessageEndpoint endpoint = guardedEndpointOf(Container.ENLISTS);

        endpoint.beforeDelivery(ON_MESSAGE);
        ((MessageListener) endpoint).onMessage(null);
        endpoint.afterDelivery();

        assertThat(calls).containsExactly("start", "beforeDelivery", "onMessage", "afterDelivery");
    }

    @Test
    void aDeliveryWhoseSessionCouldNotJoinIsRefusedAfterTheContainerFinishedIt() throws Exception {
        session.failStart = true;
        MessageEndpoint endpoint = guardedEndpointOf(Container.ENLISTS);

        assertThatThrownBy(() -> endpoint.beforeDelivery(ON_MESSAGE)).isInstanceOf(ResourceException.class)
                .hasMessageContaining("not part of the delivery's transaction");

        assertThat(calls).containsExactly("start failed", "beforeDelivery", "afterDelivery");
    }

    @Test
    void aDeliveryWhoseSessionWasNeverStartedIsRefused() throws Exception {
        MessageEndpoint endpoint = guardedEndpointOf(Container.DOES_NOT_ENLIST);

        assertThatThrownBy(() -> endpoint.beforeDelivery(ON_MESSAGE)).isInstanceOf(ResourceException.class);
        assertThat(calls).containsExactly("beforeDelivery", "afterDelivery");
    }

    @Test
    void eachDeliveryNeedsItsOwnStart() throws Exception {
        MessageEndpoint endpoint = guardedEndpointOf(Container.ENLISTS);
        endpoint.beforeDelivery(ON_MESSAGE);
        endpoint.afterDelivery();
        calls.clear();
        session.failStart = true;

        assertThatThrownBy(() -> endpoint.beforeDelivery(ON_MESSAGE)).isInstanceOf(ResourceException.class);
    }

    private enum Container { ENLISTS, DOES_NOT_ENLIST }

    /** What a container's endpoint does: beforeDelivery begins a transaction and (perhaps) starts the session in it. */
    private MessageEndpoint guardedEndpointOf(Container container) throws Exception {
        var factory = new EnlistmentCheckingEndpointFactory(new jakarta.resource.spi.endpoint.MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xaResource) {
                return createEndpoint(xaResource, 0);
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
                return new ContainerEndpoint(xaResource, container);
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return true;
            }

            @Override
            public String getActivationName() {
                return "test";
            }

            @Override
            public Class<?> getEndpointClass() {
                return MessageListener.class;
            }
        });
        return factory.createEndpoint(session);
    }

    private final class ContainerEndpoint implements MessageEndpoint, MessageListener {
        private final XAResource xaResource;
        private final Container container;

        ContainerEndpoint(XAResource xaResource, Container container) {
            this.xaResource = xaResource;
            this.container = container;
        }

        @Override
        public void beforeDelivery(Method method) {
            if (container == Container.ENLISTS) {
                try {
                    xaResource.start(null, XAResource.TMNOFLAGS);
                } catch (XAException swallowedAsPayaraDoes) {
                    // the transaction goes on without the session
                }
            }
            calls.add("beforeDelivery");
        }

        @Override
        public void onMessage(Message message) {
            calls.add("onMessage");
        }

        @Override
        public void afterDelivery() {
            calls.add("afterDelivery");
        }

        @Override
        public void release() {
            calls.add("release");
        }
    }

    private final class RecordingSession extends IdleSession {
        boolean failStart;

        @Override
        public void start(Xid xid, int flags) throws XAException {
            if (failStart) {
                calls.add("start failed");
                throw new XAException(XAException.XAER_RMFAIL);
            }
            calls.add("start");
        }
    }

    private static Method onMessage() {
        try {
            return MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
