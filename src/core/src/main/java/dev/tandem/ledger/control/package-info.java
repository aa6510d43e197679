/**
 * Access to the two ledger databases: routing an account to its ledger, locking accounts in one
 * global order, posting legs, reading balances and totals, and migrating the schema on deployment.
 */
package dev.tandem.ledger.control;
