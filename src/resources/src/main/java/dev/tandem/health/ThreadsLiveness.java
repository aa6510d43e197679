package dev.tandem.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of the server are deadlocked: the one state only a restart ends. Dependencies are left
 * to readiness on purpose: a restart cures no database or broker outage, and restarting every server because a
 * ledger is down would only add recoveries to the outage.
 */
@Liveness
@ApplicationScoped
public class ThreadsLiveness implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("tandem-threads").status(count == 0).withData("deadlockedThreads", count).build();
    }
}
