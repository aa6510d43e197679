/**
 * The logical names of the server's resources (ledger datasources, the broker's connection factory and
 * destinations) that Tandem's code looks up; each server's deployment descriptor maps them.
 */
package dev.tandem.resources;
