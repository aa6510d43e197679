/** The ledgers as callers read them: accounts, totals and statements, for every role. */
package dev.tandem.ledger.boundary;
