package dev.tandem.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Tandem's REST API, under {@code /tandem/api}. */
@ApplicationPath("api")
public class TandemApplication extends Application {
}
