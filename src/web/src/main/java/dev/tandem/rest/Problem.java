package dev.tandem.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, plus members of Tandem's own such as {@code transferId} and {@code reason}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tandem:problem:";

    private final int status;
    private final JsonObjectBuilder body;

    private Problem(int status, String type, String title) {
        this.status = status;
        this.body = Json.createObjectBuilder()
                .add("type", TYPE_PREFIX + type)
                .add("title", title)
                .add("status", status);
    }

    /** @param type a short kebab-case name for the kind of problem, e.g. {@code invalid-request} */
    public static Problem of(int status, String type, String title) {
        return new Problem(status, type, title);
    }

    public Problem detail(String detail) {
        if (detail != null) {
            body.add("detail", detail);
        }
        return this;
    }

    public Problem instance(URI instance) {
        body.add("instance", instance.toString());
        return this;
    }

    public Problem with(String member, String value) {
        body.add(member, value);
        return this;
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
