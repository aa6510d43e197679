/**
 * Everything a Tandem client needs and nothing it does not: the remote {@link dev.tandem.api.TransferService},
 * the request and result types it exchanges, and the application exceptions it declares.
 * <p>
 * These types travel by value over IIOP, so they are plain serializable classes without
 * server-side dependencies.
 */
package dev.tandem.api;
