/**
 * Integration tests against a running Tandem: Payara Server with the EAR, the Artemis broker and the
 * ledger databases, started by the build (see this module's pom.xml). Each test class works on its
 * own accounts so that balances can be checked exactly.
 */
package dev.tandem.it;
