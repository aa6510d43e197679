/**
 * What happened to a transfer, told in-process: the engine fires one CDI event per thing that happens
 * ({@code entity}), inside the transfer's transaction, and each observer ({@code control}) picks the transaction
 * phase that gives it the guarantee it needs: the audit row and the broker message in the transaction, the live
 * stream, metrics and log after it committed, alerts asynchronously after that.
 * <p>
 * The web module follows the live stream ({@code control.TransferFeed}); nothing else here is called from outside.
 */
package dev.tandem.events;
