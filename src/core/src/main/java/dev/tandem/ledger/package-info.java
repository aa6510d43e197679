/**
 * The two ledgers, each a database of its own: accounts, their entries (legs), and the schema. Ledger A's database
 * also holds the transfer registry and the audit trail.
 * <p>
 * Callers read through {@code boundary.LedgerReads} (accounts, statements, totals; no transaction of their own).
 * Only the transfer engine writes, through {@code control.Ledgers}, inside the transfer's transaction: it locks the
 * accounts in one global order and posts the legs. {@code entity} holds the accounts and entries.
 */
package dev.tandem.ledger;
