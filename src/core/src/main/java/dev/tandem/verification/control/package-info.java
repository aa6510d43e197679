/**
 * Checks Tandem's invariants across both ledgers, the transfer registry, the audit trail and the
 * broker: balances explained by entries, money conserved per currency, both legs of a transfer or
 * neither, one outcome per accepted transfer, no prepared branch of Tandem's left behind, nothing
 * unexplained on the dead-letter queue. The long tables are streamed in transfer id order and merged,
 * never loaded. Meant for quiet moments (after a test, after recovery): each ledger is read in a
 * snapshot of its own, the two one after the other.
 */
package dev.tandem.verification.control;
