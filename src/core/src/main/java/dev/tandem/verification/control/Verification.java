package dev.tandem.verification.control;

import java.util.List;

/** What a check found wrong (empty if every invariant holds) and how much it looked at. */
public record Verification(List<String> findings, Checked checked) {

    public boolean consistent() {
        return findings.isEmpty();
    }

    /**
     * @param transactionManager        the name of Tandem's transaction manager, as its XIDs carry it
     * @param otherPreparedTransactions prepared branches the ledgers' servers hold for other databases or other
     *                                  transaction managers, which are not Tandem's to complete
     */
    public record Checked(String transactionManager, long accounts, long entries, long transfers, long preparedTransactions,
                          long otherPreparedTransactions, long queuedRequests, long deadLetters) {
    }
}
