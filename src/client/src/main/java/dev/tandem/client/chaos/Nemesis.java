package dev.tandem.client.chaos;

import dev.tandem.client.chaos.History.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Injects faults at random until its time is up: {@code kill -9} of a process, a pause of a few seconds
 * ({@code SIGSTOP}, then {@code SIGCONT}: a long GC pause, a stalled disk), a normal restart, and now and
 * then two at once. After each it starts whatever is down, waits until Tandem is ready, then until no
 * branch it left in doubt remains, and records the fault with those three times.
 */
final class Nemesis {

    enum Kind { KILL, PAUSE, RESTART }

    private record Injection(Kind kind, Target target) {
        @Override
        public String toString() {
            return kind.name().toLowerCase() + " " + target.name();
        }
    }

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration SETTLED_WITHIN = Duration.ofMinutes(5);

    private final List<Target> targets;
    private final Random random;
    private final History history;
    private final BooleanSupplier ready;
    private final BooleanSupplier nothingInDoubt;

    /**
     * @param ready          whether Tandem answers and its readiness is UP
     * @param nothingInDoubt whether the ledgers and the broker hold no prepared branch of Tandem's
     */
    Nemesis(List<Target> targets, long seed, History history, BooleanSupplier ready, BooleanSupplier nothingInDoubt) {
        this.targets = targets;
        this.random = new Random(seed);
        this.history = history;
        this.ready = ready;
        this.nothingInDoubt = nothingInDoubt;
    }

    /** Faults until {@code deadline} (epoch millis); every target runs again when it returns. */
    void run(long deadline) throws InterruptedException {
        if (targets.isEmpty()) {
            Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()));
            return;
        }
        while (System.currentTimeMillis() + 5_000 < deadline) {
            Thread.sleep(3_000 + random.nextInt(7_000));
            List<Injection> injections = pick();
            long started = System.currentTimeMillis();
            try {
                for (Injection injection : injections) {
                    inject(injection);
                }
                Thread.sleep(1_000 + random.nextInt(5_000));
            } finally {
                heal(injections);
            }
            if (!Waiting.until(ready, READY_WITHIN)) {
                throw new IllegalStateException("Tandem was not ready within " + READY_WITHIN + " after " + injections);
            }
            long healed = System.currentTimeMillis();
            long settled = Waiting.until(nothingInDoubt, SETTLED_WITHIN) ? System.currentTimeMillis() : 0;
            history.faults.add(new Fault(injections.toString().replaceAll("[\\[\\]]", ""), started, healed, settled));
        }
    }

    /** One fault, or two at once on different processes one time in four. */
    private List<Injection> pick() {
        var picked = new ArrayList<Injection>();
        var candidates = new ArrayList<>(targets);
        int count = random.nextInt(4) == 0 && candidates.size() > 1 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            Target target = candidates.remove(random.nextInt(candidates.size()));
            picked.add(new Injection(Kind.values()[random.nextInt(Kind.values().length)], target));
        }
        return picked;
    }

    private static void inject(Injection injection) throws InterruptedException {
        switch (injection.kind()) {
            case KILL -> injection.target().kill();
            case PAUSE -> injection.target().pause();
            case RESTART -> injection.target().stop();
        }
    }

    /** Resumes what was paused and starts what is down, the databases and the broker before the server. */
    private void heal(List<Injection> injections) throws InterruptedException {
        for (Injection injection : injections) {
            if (injection.kind() == Kind.PAUSE) {
                injection.target().resume();
            }
        }
        for (Target target : targets) {
            target.ensureRunning();
        }
    }
}
