/**
 * Observers of the transfer events. Each picks the transaction phase that gives it the guarantee
 * it needs: the audit row and the broker message are written inside the transaction, so they
 * commit or roll back with the transfer.
 */
package dev.tandem.events.control;
