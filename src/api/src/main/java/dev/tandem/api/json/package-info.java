/**
 * The JSON form of Tandem's messages, shared by the REST resources, the JMS request and reply
 * messages, the event topic and the command-line client, so that every channel reads and writes
 * exactly the same documents. Built on Jakarta JSON Processing only.
 */
package dev.tandem.api.json;
