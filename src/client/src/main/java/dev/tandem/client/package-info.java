/**
 * The command-line client behind {@code ./tandem}. It speaks to Tandem through
 * {@link dev.tandem.api.TransferService} either way: over REST ({@link dev.tandem.client.RestTransferService})
 * or as a remote EJB over IIOP or remote+http ({@link dev.tandem.client.RemoteTransferService}).
 */
package dev.tandem.client;
