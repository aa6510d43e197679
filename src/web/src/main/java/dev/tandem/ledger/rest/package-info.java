/** REST boundary for reading the ledgers: accounts, balances and the conservation totals. */
package dev.tandem.ledger.rest;
