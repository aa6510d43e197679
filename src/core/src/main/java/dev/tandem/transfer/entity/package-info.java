/**
 * The transfer registry's data: one record per transfer id with its outcome, which is what makes
 * every transfer idempotent. It lives in ledger A's database.
 */
package dev.tandem.transfer.entity;
