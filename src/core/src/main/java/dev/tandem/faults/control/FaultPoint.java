package dev.tandem.faults.control;

/** Where in the two-phase commit a transfer stops dead, and so what recovery must do with it. */
public enum FaultPoint {

    /** Every resource prepared and the commit decision logged, nothing committed: recovery commits all. */
    BEFORE_ANY_COMMIT(Stage.FIRST),

    /**
     * Every resource prepared and the commit decision logged; phase 2 waits, not dead, until the test
     * disarms the transfer (deletes its file), so that the test can act on the resources meanwhile.
     */
    HELD_BEFORE_COMMITS(Stage.FIRST),

    /** Ledger A committed, ledger B and the broker prepared: recovery commits the rest. */
    BETWEEN_COMMITS(Stage.AFTER_LEDGER_A),

    /** Resources prepared but no decision logged: recovery rolls everything back (presumed abort). */
    BEFORE_DECISION(Stage.LAST),

    /**
     * The resources enlisted before this one prepared (on the queued path, the broker's delivery of the request
     * among them); its vote waits, not dead, until the test disarms the transfer, and then refuses: the
     * transaction manager rolls every resource back.
     */
    REFUSED_AFTER_HOLD(Stage.LAST),

    /**
     * One resource reports that it rolled back on its own while the others committed: a heuristic outcome.
     * It comes last, after the others committed: Narayana turns a heuristic rollback of the first resource
     * into a rollback of all.
     */
    HEURISTIC(Stage.LAST);

    /** Where the engine enlists the faulty resource; the transaction manager prepares and commits in that order. */
    public enum Stage {
        /** Before the transfer touches any resource, as it is settled or accepted for the queue. */
        FIRST,
        /** After ledger A (which holds the registry) is enlisted, before ledger B is. */
        AFTER_LEDGER_A,
        /** After everything else, the broker included. */
        LAST
    }

    private final Stage stage;

    FaultPoint(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
