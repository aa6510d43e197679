package dev.tandem.pages;

import java.time.Instant;
import java.util.Objects;

/** Where a newest-first page ended: rows older than {@code at}, or as old and with a smaller {@code id}, come next. */
public record Position(Instant at, String id) {

    public Position {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}
