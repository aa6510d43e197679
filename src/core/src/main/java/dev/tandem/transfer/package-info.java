/**
 * Transfers, the capability that moves money: applied now, or accepted for the request queue and applied there.
 * <p>
 * Callers enter through {@code boundary}: the EJB facade {@code TransferServiceBean} (the remote view of
 * {@code dev.tandem.api.TransferService}, and the local view the REST resources of the web module call) and the
 * message-driven bean {@code TransferRequestListener} on {@code tandem.transfers}. Both translate and delegate to
 * {@code control.TransferEngine}, through {@code control.EngineAdmission}; {@code entity} holds the transfer record.
 * <p>
 * <b>Where the transaction starts.</b> The facade runs without one ({@code NOT_SUPPORTED}), whatever its caller
 * brings, so that each transfer gets a transaction of its own: the engine, a stateless bean with the default
 * {@code REQUIRED}, starts it. The message-driven bean's delivery transaction is the container's, and already holds
 * the consumed request; the engine joins it, so the request, both legs, the record, the reply and the outcome event
 * commit together. Keep it so: a facade method that joined its caller's transaction would make the caller's
 * rollback undo a transfer its caller was told had completed.
 * <p>
 * What the web module may use besides the facade: {@code control.TransferQuery} (a search of the registry) and
 * {@code control.TransactionFailures} (how a failed transaction is told to a caller); nothing else here.
 */
package dev.tandem.transfer;
