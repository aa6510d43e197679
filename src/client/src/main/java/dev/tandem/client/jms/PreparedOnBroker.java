package dev.tandem.client.jms;

import static dev.tandem.api.jms.TransferMessaging.TRANSFER_ID_PROPERTY;

import jakarta.jms.JMSException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;

/**
 * The XA transactions the broker holds prepared: branches waiting for their transaction manager's commit or
 * rollback. Between transfers there are none; one that stays is a transfer in doubt, its request or outcome
 * event held back. Asked through the broker's management address, which only the operator may use.
 */
public final class PreparedOnBroker {

    /** A prepared transaction: its XID (base64, as the broker shows it) and the transfers its messages carry. */
    public record PreparedTransaction(String xid, List<String> transferIds) {
    }

    private final Broker broker;

    /** @param broker the broker, as a user allowed to manage it */
    public PreparedOnBroker(Broker broker) {
        this.broker = broker;
    }

    public List<PreparedTransaction> list() throws JMSException {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url());
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(broker.user(), broker.password(), false, true, true, false, 1)) {
            session.start();
            ClientMessage request = session.createMessage(false);
            ManagementHelper.putOperationInvocation(request, "broker", "listPreparedTransactionDetailsAsJSON");
            ClientMessage reply;
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
                reply = requestor.request(request, 30_000);
            }
            if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
                throw new JMSException("the broker did not list its prepared transactions"
                        + (reply == null ? " within 30 s" : ": " + ManagementHelper.getResult(reply)));
            }
            return parse((String) ManagementHelper.getResult(reply, String.class));
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw (JMSException) new JMSException("cannot list the broker's prepared transactions: " + e).initCause(e);
        }
    }

    /** @param json as the broker lists them: a JSON array, or nothing at all when there are none */
    static List<PreparedTransaction> parse(String json) {
        var prepared = new ArrayList<PreparedTransaction>();
        if (json == null || json.isBlank()) {
            return prepared;
        }
        for (JsonValue value : Json.createReader(new StringReader(json)).readArray()) {
            JsonObject transaction = value.asJsonObject();
            var transferIds = new ArrayList<String>();
            for (JsonValue message : transaction.getJsonArray("tx_related_messages")) {
                JsonObject properties = message.asJsonObject().getJsonObject("message_properties");
                if (properties != null && properties.containsKey(TRANSFER_ID_PROPERTY)) {
                    transferIds.add(properties.getString(TRANSFER_ID_PROPERTY));
                }
            }
            prepared.add(new PreparedTransaction(transaction.getString("xid_as_base64"), List.copyOf(transferIds)));
        }
        return prepared;
    }
}
