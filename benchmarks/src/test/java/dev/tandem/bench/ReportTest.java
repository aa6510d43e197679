package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.bench.PointResult.Latency;
import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.Entrance;
import dev.tandem.bench.Workload.LedgerSpan;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Floor.Check FLOOR = new Floor.Check(10, 10, 30, 30, 10, new BigDecimal("90000.00"), new BigDecimal("90000.00"));
    private static final JsonObject CONSISTENT = JsonSupport.objectBuilder().add("consistent", true).build();

    @Test
    void theRatiosComeFromThePointsAtSixteenClients() {
        var report = report("payara", null,
                point(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 200, null),
                point(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, 4, 999, null),
                point(Entrance.ASYNC_JMS, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 300, 4.0),
                point(Entrance.ASYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 250, 9.0),
                point(Entrance.SYNC_REST, AccountChoice.PAIR, LedgerSpan.CROSS, 16, 60, null),
                point(Entrance.ASYNC_JMS, AccountChoice.PAIR, LedgerSpan.CROSS, 16, 90, 3.0),
                point(Entrance.FLOOR_XA, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 400, null),
                point(Entrance.FLOOR_XA_GROUPED, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 600, null),
                point(Entrance.FLOOR_LOCAL, AccountChoice.UNIFORM, LedgerSpan.SAME, 16, 1500, null));

        JsonObject ratios = report.ratios();

        assertThat(ratios.getJsonNumber("P1").doubleValue()).isEqualTo(0.5);
        assertThat(ratios.getJsonNumber("P2").doubleValue()).isEqualTo(0.2);
        assertThat(ratios.getJsonObject("groupCommit").getJsonNumber("overFloorXa").doubleValue()).isEqualTo(1.5);
        assertThat(ratios.getJsonObject("groupCommit").getJsonNumber("overFloorLocal").doubleValue()).isEqualTo(0.4);
        assertThat(ratios.getJsonObject("P3").getJsonNumber("throughput").doubleValue()).isEqualTo(1.5);
        assertThat(ratios.getJsonObject("P3").getJsonNumber("acceptanceP99MsRest").doubleValue()).isEqualTo(9.0);
        assertThat(ratios.getJsonObject("P3").getJsonNumber("acceptanceP99MsJms").doubleValue()).isEqualTo(4.0);
        assertThat(ratios.getJsonObject("hotAccount").getJsonNumber("syncPerSecond").doubleValue()).isEqualTo(60);
        assertThat(ratios.getJsonObject("hotAccount").getJsonNumber("asyncPerSecond").doubleValue()).isEqualTo(90);
        assertThat(ratios.containsKey("P4")).as("P4 needs a run on the other runtime").isFalse();
        assertThat(report.sound()).isTrue();
        assertThat(report.markdown()).contains("| P1 = sync REST ÷ floor XA (2 DBs + JMS), 16 clients | 0.50 |");
    }

    @Test
    void theFloorCheckHoldsOnlyIfEveryTransactionRanThreeBranchesInTwoPhasesAndEveryTransferSentOneMessage() {
        var money = new BigDecimal("90000.00");

        assertThat(new Floor.Check(10, 40, 30, 30, 40, money, money).holds()).as("groups of transfers").isTrue();
        assertThat(new Floor.Check(10, 40, 30, 30, 10, money, money).holds()).as("a message per transaction only").isFalse();
        assertThat(new Floor.Check(10, 10, 20, 30, 10, money, money).holds()).as("a branch committed in one phase").isFalse();
        assertThat(new Floor.Check(10, 10, 30, 30, 10, new BigDecimal("89999.99"), money).holds()).as("money lost").isFalse();
        assertThat(new Floor.Check(0, 0, 0, 0, 0, money, money).holds()).as("nothing committed").isFalse();
    }

    @Test
    void p4IsWildFlyOverPayaraWhicheverRuntimeRanLast() {
        PointResult payaraSync = point(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 200, null);
        JsonObject payaraRun = report("payara", null, payaraSync).json();

        var wildfly = report("wildfly", payaraRun, point(Entrance.SYNC_REST, AccountChoice.UNIFORM, LedgerSpan.CROSS, 16, 150, null));

        assertThat(wildfly.ratios().getJsonNumber("P4").doubleValue()).isEqualTo(0.75);
    }

    @Test
    void aTransferWithoutAnOutcomeMakesTheRunUnsound() {
        var lost = new PointResult(new Workload(Entrance.ASYNC_JMS, AccountChoice.UNIFORM, LedgerSpan.CROSS, 4), 1, 10, 0,
                Map.of("no outcome in time", 1L), null, null, Map.of());

        assertThat(report("payara", null, lost).sound()).isFalse();
    }

    private static PointResult point(Entrance entrance, AccountChoice accounts, LedgerSpan ledgers, int clients, long perSecond, Double acceptanceP99) {
        var latency = new Latency(1, 2, 3, 4);
        return new PointResult(new Workload(entrance, accounts, ledgers, clients), 10, perSecond * 10, 0, Map.of(), latency,
                acceptanceP99 == null ? null : new Latency(1, 2, acceptanceP99, 10), Map.of("server", 1.0));
    }

    private static Report report(String runtime, JsonObject otherRuntime, PointResult... points) {
        var target = new Target(runtime, "embedded", "", null, null, null, null, null, null, List.of(), null, null, null, null, null, null, null);
        return new Report(target, new Durability(), List.of(points), FLOOR, CONSISTENT, 16, otherRuntime);
    }
}
