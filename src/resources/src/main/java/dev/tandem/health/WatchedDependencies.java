package dev.tandem.health;

import dev.tandem.resources.ResourceNames;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands the readiness check the ledgers and the broker, looked up where their names resolve, once the web module
 * starts: the last of the application's modules to start, so that ready also means the REST API answers. Declared
 * in the web.xml of the WAR that starts last (the EAR's web module, the worker's WAR).
 */
public class WatchedDependencies implements ServletContextListener {

    @Resource(lookup = ResourceNames.LEDGER_A)
    DataSource ledgerA;

    @Resource(lookup = ResourceNames.LEDGER_B)
    DataSource ledgerB;

    @Resource(lookup = ResourceNames.CONNECTION_FACTORY)
    ConnectionFactory broker;

    @Inject
    @Readiness
    DependenciesReadiness readiness;

    @Override
    public void contextInitialized(ServletContextEvent started) {
        readiness.watch(ledgerA, ledgerB, broker);
    }

    @Override
    public void contextDestroyed(ServletContextEvent stopping) {
        readiness.unwatch();
    }
}
