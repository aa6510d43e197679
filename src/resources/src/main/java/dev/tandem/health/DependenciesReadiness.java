package dev.tandem.health;

import static dev.tandem.api.jms.TransferMessaging.REQUEST_QUEUE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when ledger A, ledger B and the broker each answer; the data says which does not. A transfer
 * needs all three, so one down means not ready. Why one is down goes to the server log, when it goes
 * down: the probe is open to anyone, and a failure's text can name hosts, users and databases. The probes run on
 * the caller's thread (the health endpoint's): a database or broker that is down refuses connections at once, and a ledger
 * connection gets {@value #VALIDATION_SECONDS} s to prove it is alive.
 */
@Readiness
@ApplicationScoped
public class DependenciesReadiness implements HealthCheck {

    static final int VALIDATION_SECONDS = 3;

    private static final Logger LOG = Logger.getLogger(DependenciesReadiness.class.getName());

    /** The dependencies the last probes found down, so that each outage is logged once. */
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private record Dependencies(DataSource ledgerA, DataSource ledgerB, ConnectionFactory broker) {
    }

    private volatile Dependencies dependencies;

    /**
     * Called once the application has started, with the resources it looked up by their names ({@code ResourceNames}):
     * the health check itself is called where no application naming context exists (WildFly calls it from its
     * management interface), so it cannot look them up. Until then, and once the application stops, not ready.
     */
    public void watch(DataSource ledgerA, DataSource ledgerB, ConnectionFactory broker) {
        dependencies = new Dependencies(ledgerA, ledgerB, broker);
    }

    public void unwatch() {
        dependencies = null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tandem-dependencies");
        Dependencies watched = dependencies;
        if (watched == null) {
            return response.down().withData("application", "starting").build();
        }
        boolean ready = probe(response, "ledgerA", () -> answers(watched.ledgerA()));
        ready &= probe(response, "ledgerB", () -> answers(watched.ledgerB()));
        ready &= probe(response, "broker", () -> {
            // a pooled connection may outlive the broker: browsing makes the broker answer
            try (JMSContext jms = watched.broker().createContext(); var browser = jms.createBrowser(jms.createQueue(REQUEST_QUEUE))) {
                browser.getEnumeration();
            }
        });
        return response.status(ready).build();
    }

    private static void answers(DataSource ledger) throws SQLException {
        try (Connection connection = ledger.getConnection()) {
            if (!connection.isValid(VALIDATION_SECONDS)) {
                throw new SQLException("the connection is not valid");
            }
        }
    }

    private interface Probe {
        void run() throws Exception;
    }

    private boolean probe(HealthCheckResponseBuilder response, String dependency, Probe probe) {
        try {
            probe.run();
            response.withData(dependency, "UP");
            down.remove(dependency);
            return true;
        } catch (Exception e) {
            response.withData(dependency, "DOWN");
            if (down.add(dependency)) {
                LOG.log(Level.WARNING, "Readiness: " + dependency + " is down", e);
            }
            return false;
        }
    }
}
