package dev.tandem.client.jms;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Where the broker is and how to log in. */
public record Broker(String url, String user, String password) {

    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url, user, password);
    }
}
