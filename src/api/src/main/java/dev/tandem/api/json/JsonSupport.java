package dev.tandem.api.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Builders and readers from one JSON-P provider, looked up once. Every {@code jakarta.json.Json} factory
 * call looks the provider up again through the service loader, a class-path scan that a profile of the
 * synchronous path put at 12 % of the server's CPU time.
 */
public final class JsonSupport {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonSupport() {
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder arrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }
}
