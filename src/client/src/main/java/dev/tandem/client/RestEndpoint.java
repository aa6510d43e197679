package dev.tandem.client;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where Tandem's REST API is; for the commands that only REST serves, and part of {@link Endpoints}. */
public class RestEndpoint {

    @Option(names = "--url", defaultValue = "${env:TANDEM_URL:-http://localhost:8080/tandem/api}",
            description = "REST API base URL (default: ${DEFAULT-VALUE})")
    URI url;

    /** @param defaultUser the user a command acts as unless $TANDEM_USER names another ({@link Credentials}) */
    RestTransferService connect(String defaultUser) {
        return new RestTransferService(url, Credentials.fromEnvironment(defaultUser));
    }

    public URI url() {
        return url;
    }
}
