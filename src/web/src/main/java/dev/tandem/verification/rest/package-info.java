/** REST boundary for the invariant checker: {@code GET /verification}. */
package dev.tandem.verification.rest;
