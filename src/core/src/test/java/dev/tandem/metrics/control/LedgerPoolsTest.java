package dev.tandem.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

/** The pools' MBeans as each server names them, registered in an MBean server of the test's own. */
class LedgerPoolsTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final LedgerPools pools = new LedgerPools(server);

    @Test
    void readsPayarasMonitoringRangeStatistics() throws Exception {
        server.registerMBean(new PayaraPool(3, 5), LedgerPools.payaraMonitoring("tandem-ledger-a"));
        server.registerMBean(new PayaraPool(0, 4), LedgerPools.payaraMonitoring("tandem-ledger-b"));

        assertThat(pools.connections()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Tags.of("pool", "tandem-ledger-a", "state", "in_use"), 3L, Tags.of("pool", "tandem-ledger-a", "state", "idle"), 5L,
                Tags.of("pool", "tandem-ledger-b", "state", "in_use"), 0L, Tags.of("pool", "tandem-ledger-b", "state", "idle"), 4L));
    }

    @Test
    void readsWildflysDataSourceStatistics() throws Exception {
        server.registerMBean(new WildflyPool(2, 7), LedgerPools.wildflyStatistics("tandem-ledger-a"));
        server.registerMBean(new WildflyPool(1, 1), LedgerPools.wildflyStatistics("tandem-ledger-b"));

        assertThat(pools.connections()).containsEntry(Tags.of("pool", "tandem-ledger-a", "state", "in_use"), 2L)
                .containsEntry(Tags.of("pool", "tandem-ledger-a", "state", "idle"), 7L)
                .containsEntry(Tags.of("pool", "tandem-ledger-b", "state", "in_use"), 1L).hasSize(4);
    }

    @Test
    void aPoolTheServerDoesNotReportHasNoRows() throws Exception {
        server.registerMBean(new WildflyPool(2, 7), LedgerPools.wildflyStatistics("tandem-ledger-b"));

        assertThat(pools.connections()).containsOnlyKeys(Tags.of("pool", "tandem-ledger-b", "state", "in_use"),
                Tags.of("pool", "tandem-ledger-b", "state", "idle"));
    }

    @Test
    void anUnreadableStatisticLeavesItsPoolOut() throws Exception {
        server.registerMBean(new WildflyPool(-1, 7), LedgerPools.wildflyStatistics("tandem-ledger-a"));
        server.registerMBean(new WildflyPool(1, 7), LedgerPools.wildflyStatistics("tandem-ledger-b"));

        assertThat(pools.connections()).containsOnlyKeys(Tags.of("pool", "tandem-ledger-b", "state", "in_use"),
                Tags.of("pool", "tandem-ledger-b", "state", "idle"));
    }

    public interface PayaraPoolMBean {
        CompositeData getnumconnused() throws OpenDataException;

        CompositeData getnumconnfree() throws OpenDataException;
    }

    /** Payara's range statistics, as its AMX MBeans carry them: open data with the current value among others. */
    public static class PayaraPool implements PayaraPoolMBean {
        private static final String[] KEYS = {"current", "highWaterMark", "name"};
        private final long used;
        private final long free;

        PayaraPool(long used, long free) {
            this.used = used;
            this.free = free;
        }

        @Override
        public CompositeData getnumconnused() throws OpenDataException {
            return range("NumConnUsed", used);
        }

        @Override
        public CompositeData getnumconnfree() throws OpenDataException {
            return range("NumConnFree", free);
        }

        private static CompositeData range(String name, long current) throws OpenDataException {
            var type = new CompositeType("RangeStatistic", "a range statistic", KEYS, KEYS,
                    new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG, SimpleType.STRING});
            return new CompositeDataSupport(type, KEYS, new Object[] {current, current + 10, name});
        }
    }

    public interface WildflyPoolMBean {
        int getInUseCount();

        int getIdleCount();
    }

    /** WildFly's pool statistics; a negative count stands for an attribute whose read fails. */
    public static class WildflyPool implements WildflyPoolMBean {
        private final int inUse;
        private final int idle;

        WildflyPool(int inUse, int idle) {
            this.inUse = inUse;
            this.idle = idle;
        }

        @Override
        public int getInUseCount() {
            if (inUse < 0) {
                throw new IllegalStateException("statistics not available");
            }
            return inUse;
        }

        @Override
        public int getIdleCount() {
            return idle;
        }
    }
}
