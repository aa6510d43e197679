/**
 * Entry points into Tandem for transfers: the EJB facade (remote view for Java clients, local
 * view for the REST resources). Boundaries translate and delegate to the engine; they hold no
 * business rules.
 */
package dev.tandem.transfer.boundary;
