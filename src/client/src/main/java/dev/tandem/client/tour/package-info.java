/**
 * {@code ./tandem tour}: runs every command of the README's tour against the started Tandem and holds each to the
 * output the README shows, so that the front door cannot drift from what Tandem does.
 */
package dev.tandem.client.tour;
