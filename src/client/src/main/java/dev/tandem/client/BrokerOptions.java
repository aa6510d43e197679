package dev.tandem.client;

import dev.tandem.client.jms.Broker;
import picocli.CommandLine.Option;

/** How to reach the broker. The password comes from the environment only, never the command line. */
public class BrokerOptions {

    @Option(names = "--broker", defaultValue = "${env:TANDEM_BROKER_URL:-tcp://localhost:61616}",
            description = "broker URL (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--broker-user", defaultValue = "${env:TANDEM_BROKER_USER:-producer}",
            description = "broker user (default: ${DEFAULT-VALUE}); the password is read from TANDEM_BROKER_PASSWORD")
    String user;

    public Broker broker() {
        return new Broker(url, user, System.getenv("TANDEM_BROKER_PASSWORD"));
    }
}
