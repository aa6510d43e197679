package dev.tandem.metrics.control;

import io.micrometer.core.instrument.Tags;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The ledger pools' connections in use and idle, as the server reports them over JMX: neither server offers pool
 * figures through a Jakarta EE API. Payara: its monitoring MBeans (AMX on, jdbc-connection-pool monitoring on:
 * {@code domain.asadmin}); WildFly: the data sources' pool statistics ({@code statistics-enabled} in
 * {@code ledgers-*.cli}). A pool the server does not report (not used yet, monitoring off) has no rows.
 */
final class LedgerPools {

    private static final Logger LOG = Logger.getLogger(LedgerPools.class.getName());

    /** The ledgers' pools (Payara) and data sources (WildFly) have these names on both servers. */
    private static final List<String> POOLS = List.of("tandem-ledger-a", "tandem-ledger-b");

    private final MBeanServer server;

    LedgerPools() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    LedgerPools(MBeanServer server) {
        this.server = server;
    }

    /** Connections by pool and state ({@code in_use}, {@code idle}), read now. */
    Map<Tags, Long> connections() {
        var connections = new LinkedHashMap<Tags, Long>();
        for (String pool : POOLS) {
            try {
                ObjectName payara = payaraMonitoring(pool);
                ObjectName wildfly = wildflyStatistics(pool);
                if (server.isRegistered(payara)) {
                    put(connections, pool, current(payara, "numconnused"), current(payara, "numconnfree"));
                } else if (server.isRegistered(wildfly)) {
                    put(connections, pool, number(wildfly, "InUseCount"), number(wildfly, "IdleCount"));
                }
            } catch (JMException | RuntimeException unreadable) {
                LOG.log(Level.FINE, "Pool " + pool + " not read for the metrics", unreadable);
            }
        }
        return connections;
    }

    static ObjectName payaraMonitoring(String pool) throws JMException {
        return new ObjectName("amx:pp=/mon/server-mon[server],type=jdbc-connection-pool-mon,name=resources/" + pool);
    }

    static ObjectName wildflyStatistics(String pool) throws JMException {
        return new ObjectName("jboss.as:subsystem=datasources,xa-data-source=" + pool + ",statistics=pool");
    }

    private static void put(Map<Tags, Long> connections, String pool, long inUse, long idle) {
        connections.put(Tags.of("pool", pool, "state", "in_use"), inUse);
        connections.put(Tags.of("pool", pool, "state", "idle"), idle);
    }

    /** A Payara range statistic's current value. */
    private long current(ObjectName statistics, String attribute) throws JMException {
        return ((Number) ((CompositeData) server.getAttribute(statistics, attribute)).get("current")).longValue();
    }

    private long number(ObjectName statistics, String attribute) throws JMException {
        return ((Number) server.getAttribute(statistics, attribute)).longValue();
    }
}
