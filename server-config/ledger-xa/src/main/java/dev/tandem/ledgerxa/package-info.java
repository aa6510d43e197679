/**
 * The ledgers' XA data sources: each database's own, with the repairs two-phase commit needs. H2's
 * (embedded ledgers) completes the branches a crash left in doubt, which H2 alone would not
 * ({@link dev.tandem.ledgerxa.RecoverableH2XADataSource}); PostgreSQL's and MariaDB's (real ledgers)
 * complete a prepared branch whose connection went down in phase 2 on a fresh connection, instead of
 * reporting it lost ({@link dev.tandem.ledgerxa.LedgerXAResource}). The jar goes next to the JDBC
 * drivers (a Payara domain's lib/, a WildFly module); server-config/payara/ledgers-*.asadmin and
 * server-config/wildfly/ledgers-*.cli name these classes.
 */
package dev.tandem.ledgerxa;
