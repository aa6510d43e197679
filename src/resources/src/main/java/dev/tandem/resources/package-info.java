/**
 * The logical names of the server's resources (ledger datasources, the broker's connection factory and
 * destinations) that Tandem's code looks up, each server's deployment descriptor mapping them; the
 * database products a ledger can live on; the server's transaction manager and a data-less XA resource
 * to enlist in it.
 */
package dev.tandem.resources;
