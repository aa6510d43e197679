package dev.tandem.bench;

import dev.tandem.bench.Workload.AccountChoice;
import dev.tandem.bench.Workload.LedgerSpan;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the two accounts of the next transfer among accounts of one currency in ledgers A and B. The
 * direction is random, so that balances wander around their opening value instead of draining.
 */
public final class AccountChooser {

    /** The Zipf exponent: with 45 accounts per ledger, the top 5 take about half of all transfers. */
    static final double ZIPF_EXPONENT = 1.1;

    private final List<String> ledgerA;
    private final List<String> ledgerB;
    private final AccountChoice choice;
    private final LedgerSpan span;
    private final double[] zipfCumulative;

    public AccountChooser(List<String> ledgerA, List<String> ledgerB, AccountChoice choice, LedgerSpan span) {
        if (ledgerA.size() < 2 || ledgerB.size() < 2) {
            throw new IllegalArgumentException("needs at least two accounts in each ledger");
        }
        this.ledgerA = List.copyOf(ledgerA);
        this.ledgerB = List.copyOf(ledgerB);
        this.choice = choice;
        this.span = span;
        this.zipfCumulative = zipf(Math.min(ledgerA.size(), ledgerB.size()));
    }

    /** {@code [from, to]} */
    public String[] next(RandomGenerator random) {
        boolean fromA = random.nextBoolean();
        List<String> source = fromA || span == LedgerSpan.SAME && random.nextBoolean() ? ledgerA : ledgerB;
        List<String> target = span == LedgerSpan.SAME ? source : source == ledgerA ? ledgerB : ledgerA;
        String from;
        String to;
        do {
            from = source.get(index(random, source.size()));
            to = target.get(index(random, target.size()));
        } while (from.equals(to));
        return new String[] {from, to};
    }

    private int index(RandomGenerator random, int size) {
        return switch (choice) {
            case UNIFORM -> random.nextInt(size);
            case PAIR -> span == LedgerSpan.SAME ? random.nextInt(2) : 0;
            case ZIPF -> zipfIndex(random.nextDouble());
        };
    }

    int zipfIndex(double uniform) {
        int low = 0;
        int high = zipfCumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (zipfCumulative[middle] < uniform) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1 / Math.pow(rank, ZIPF_EXPONENT);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }
}
