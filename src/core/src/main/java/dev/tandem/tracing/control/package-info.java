/**
 * One trace per transfer from the caller to the outcome. Tandem carries the W3C trace context itself (a JMS
 * property on the request, the reply and the outcome event, and the trace id recorded with the transfer), and
 * where the server's OpenTelemetry (MicroProfile Telemetry) is switched on, its spans are the ones Tandem
 * carries: the server's span of a REST call, and spans of Tandem's own for a remote EJB call and for the
 * message-driven bean's work.
 */
package dev.tandem.tracing.control;
