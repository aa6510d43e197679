/**
 * The JMS contract: broker destination names and the message properties Tandem sets and reads,
 * for producers and consumers that are not Tandem's own.
 */
package dev.tandem.api.jms;
