package dev.tandem.api.json;

import dev.tandem.api.RejectionReason;
import dev.tandem.api.TransferConflictException;
import dev.tandem.api.TransferDetails;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, plus members of Tandem's own such as {@code transferId} and {@code reason}.
 * REST answers with it, and so do JMS replies to requests that cannot be processed.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tandem:problem:";

    private final int status;
    private final JsonObjectBuilder body;

    private Problem(int status, String type, String title) {
        this.status = status;
        this.body = JsonSupport.objectBuilder()
                .add("type", TYPE_PREFIX + type)
                .add("title", title)
                .add("status", status);
    }

    /** @param type a short kebab-case name for the kind of problem, e.g. {@code invalid-request} */
    public static Problem of(int status, String type, String title) {
        return new Problem(status, type, title);
    }

    /** A malformed or incomplete request. */
    public static Problem invalidRequest(String detail) {
        return of(400, "invalid-request", "Invalid transfer request").detail(detail);
    }

    /** A transfer id reused for a different request. */
    public static Problem conflict(TransferConflictException conflict) {
        return of(409, "transfer-conflict", "Transfer id already used")
                .detail(conflict.getMessage())
                .with("transferId", conflict.transferId().toString());
    }

    /** A business rejection, recorded under the transfer's id. */
    public static Problem rejection(TransferDetails rejected) {
        RejectionReason reason = rejected.reason();
        return of(422, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), reason.title())
                .detail(rejected.detail())
                .with("transferId", rejected.id().toString())
                .with("reason", reason.name());
    }

    public Problem detail(String detail) {
        if (detail != null) {
            body.add("detail", detail);
        }
        return this;
    }

    public Problem instance(String instance) {
        body.add("instance", instance);
        return this;
    }

    public Problem with(String member, String value) {
        body.add(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public JsonObject toJson() {
        return body.build();
    }
}
