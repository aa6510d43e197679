/**
 * The ledgers' data: accounts with their balances, and the entries (legs) posted to them.
 * Every ledger database holds the same two tables; an account lives in exactly one of them,
 * named by the first letter of its id.
 */
package dev.tandem.ledger.entity;
