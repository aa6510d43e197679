/**
 * What happened, as in-process CDI events: one event per transfer outcome, fired inside the
 * transfer's transaction. Also the audit trail's rows.
 */
package dev.tandem.events.entity;
