package dev.tandem.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.json.JsonSupport;
import dev.tandem.pages.Position;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Lists answered a page at a time: a JSON array of at most {@code limit} items and, when there are more, a
 * {@code Link: <…?cursor=…>; rel="next"} header to the next page. A cursor is opaque to clients: where the page
 * ended, encoded.
 */
public final class Pages {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MOST = 1000;

    private Pages() {
    }

    /** Reads at most {@code most} rows of a list. */
    @FunctionalInterface
    public interface Rows<T, X extends Exception> {
        List<T> read(int most) throws X;
    }

    /** The page size asked for, {@value #DEFAULT_LIMIT} if none. */
    static int limit(String requested) throws InvalidTransferException {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(requested.strip());
            if (limit >= 1 && limit <= MOST) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidTransferException("limit must be a whole number from 1 to " + MOST + ", got '" + requested + "'");
    }

    /** Where a newest-first page ended, or null for the first page. */
    public static Position position(String cursor) throws InvalidTransferException {
        if (cursor == null) {
            return null;
        }
        String text = decode(cursor);
        int separator = text.indexOf('|');
        try {
            if (separator > 0 && separator < text.length() - 1) {
                return new Position(Instant.parse(text.substring(0, separator)), text.substring(separator + 1));
            }
        } catch (DateTimeParseException notATime) {
            // answered below
        }
        throw notOurs(cursor);
    }

    public static String cursor(Position position) {
        return encode(position.at() + "|" + position.id());
    }

    /** The key a page in key order ended with, or null for the first page. */
    public static String key(String cursor) throws InvalidTransferException {
        return cursor == null ? null : decode(cursor);
    }

    public static String cursor(String key) {
        return encode(key);
    }

    /**
     * The answer with a page of at most {@code limit} (as asked for) rows: one more is read, and if it is there,
     * the page links to the next one, which starts after the page's last row.
     */
    public static <T, X extends Exception> Response page(String limit, Rows<T, X> rows, Function<T, JsonValue> json,
                                                         Function<T, String> cursorAfter, UriInfo uriInfo)
            throws InvalidTransferException, X {
        int size = limit(limit);
        List<T> fetched = rows.read(size + 1);
        JsonArrayBuilder items = JsonSupport.arrayBuilder();
        fetched.stream().limit(size).map(json).forEach(items::add);
        Response.ResponseBuilder answer = Response.ok(items.build());
        if (fetched.size() > size) {
            String next = cursorAfter.apply(fetched.get(size - 1));
            answer.links(Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next)).rel("next").build());
        }
        return answer.build();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) throws InvalidTransferException {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw notOurs(cursor);
        }
    }

    private static InvalidTransferException notOurs(String cursor) {
        return new InvalidTransferException("cursor '" + cursor + "' is not one this API gave: take it from a Link header");
    }
}
