/**
 * Tandem's request queue from the outside, with the Artemis JMS client: a producer that submits
 * transfers and waits for their replies, and the operator's view of the dead-letter queue.
 */
package dev.tandem.client.jms;
