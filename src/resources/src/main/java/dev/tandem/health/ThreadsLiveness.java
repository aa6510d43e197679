package dev.tandem.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of the server are deadlocked: the one state only a restart ends. Dependencies are left
 * to readiness on purpose: a restart cures no database or broker outage, and restarting every server because a
 * ledger is down would only add recoveries to the outage. The deadlocked threads' stacks go to the server log once,
 * for whoever restarts the server to find out what deadlocked.
 */
@Liveness
@ApplicationScoped
public class ThreadsLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ThreadsLiveness.class.getName());

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** The deadlocked threads already logged. */
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        if (count > 0 && Arrays.stream(deadlocked).anyMatch(reported::add)) {
            LOG.severe(() -> "Deadlocked threads; the server needs a restart:\n" + Arrays.stream(threads.getThreadInfo(deadlocked, true, true))
                    .map(ThreadsLiveness::describe).collect(Collectors.joining("\n")));
        }
        return HealthCheckResponse.named("tandem-threads").status(count == 0).withData("deadlockedThreads", count).build();
    }

    /** A thread, what it waits for and who holds it, and its whole stack ({@link ThreadInfo#toString} cuts it at 8 frames). */
    private static String describe(ThreadInfo thread) {
        if (thread == null) {
            return "(a thread that has ended)";
        }
        return "\"" + thread.getThreadName() + "\" waits for " + thread.getLockName() + " held by \"" + thread.getLockOwnerName()
                + "\"\n" + Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame).collect(Collectors.joining("\n"));
    }
}
