package dev.tandem.bench;

/** One point of a run: an entry point, how accounts are chosen, and how many clients call at once. */
public record Workload(Entrance entrance, AccountChoice accounts, LedgerSpan ledgers, int clients) {

    public enum Entrance {
        SYNC_REST("sync REST"), SYNC_EJB("sync EJB"), ASYNC_REST("async REST"), ASYNC_JMS("async JMS"),
        FLOOR_XA("floor XA (2 DBs + JMS)"), FLOOR_XA_GROUPED("floor XA, group commit"), FLOOR_LOCAL("floor local (1 DB)");

        public final String label;

        Entrance(String label) {
            this.label = label;
        }

        public boolean isFloor() {
            return this == FLOOR_XA || this == FLOOR_XA_GROUPED || this == FLOOR_LOCAL;
        }
    }

    /** Uniform over all accounts; Zipf-skewed, where a few accounts take most transfers; one pair only. */
    public enum AccountChoice {
        UNIFORM, ZIPF, PAIR
    }

    /** From one ledger to the other (the XA shape), or within one ledger. */
    public enum LedgerSpan {
        CROSS, SAME
    }

    public String name() {
        return entrance.label + ", " + accounts.name().toLowerCase() + ", " + ledgers.name().toLowerCase() + "-ledger, "
                + clients + (clients == 1 ? " client" : " clients");
    }
}
