/**
 * Checks Tandem's invariants across both ledgers, the transfer registry, the audit trail and the
 * broker: balances explained by entries, money conserved per currency, both legs of a transfer or
 * neither, one outcome per accepted transfer, no prepared transaction left behind, nothing
 * unexplained on the dead-letter queue. Meant for quiet moments (after a test, after recovery): the
 * databases are read one after the other, not in one snapshot.
 */
package dev.tandem.verification.control;
