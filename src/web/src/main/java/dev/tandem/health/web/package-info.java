/**
 * The web module's part in the health checks of {@code dev.tandem.health} (a library of the EAR): the resources they
 * probe, looked up by their logical names and handed over when the web module starts.
 */
package dev.tandem.health.web;
