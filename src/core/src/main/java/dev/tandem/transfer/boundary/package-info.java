/**
 * Entry points into Tandem for transfers: the EJB facade (remote view for Java clients, local view for the REST
 * resources) and the message-driven bean on the request queue. Boundaries translate and delegate to the engine; they
 * hold no business rules.
 */
package dev.tandem.transfer.boundary;
