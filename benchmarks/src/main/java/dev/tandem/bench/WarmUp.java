package dev.tandem.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's CPU time per transfer, round after round of unmeasured load: while its JIT compiler is
 * still at work the figure keeps falling (on a freshly started Payara to less than half within the first
 * minutes), in steps. The server is warm once two rounds in a row no longer beat the best round before
 * them by more than {@link #TOLERANCE}.
 */
final class WarmUp {

    /** A round at least this much cheaper than every earlier one means the server is still getting faster. */
    static final double TOLERANCE = 0.08;

    private final List<Double> cpuMillisPerTransfer = new ArrayList<>();

    void round(double cpuMillisPerTransfer) {
        this.cpuMillisPerTransfer.add(cpuMillisPerTransfer);
    }

    boolean steady() {
        int rounds = cpuMillisPerTransfer.size();
        if (rounds < 3) {
            return false;
        }
        double best = cpuMillisPerTransfer.subList(0, rounds - 2).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return cpuMillisPerTransfer.subList(rounds - 2, rounds).stream().allMatch(round -> round >= best * (1 - TOLERANCE));
    }

    List<Double> rounds() {
        return List.copyOf(cpuMillisPerTransfer);
    }
}
