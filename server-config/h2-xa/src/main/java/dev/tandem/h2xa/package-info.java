/**
 * H2's XA data source made recoverable: after a crash, a transaction manager completes the branches
 * H2 left in doubt through a new connection, as XA requires, instead of H2 silently ignoring the
 * rollback. Used only by the embedded ledgers (server-config/payara/ledgers-embedded.asadmin,
 * server-config/wildfly/ledgers-embedded.cli).
 */
package dev.tandem.h2xa;
