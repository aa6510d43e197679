package dev.tandem.verification.control;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Rows streamed in transfer id order, taken one transfer id at a time. A stream found out of order
 * stops the check: a merge of unsorted streams would report transfers as broken that are not.
 */
final class SortedRows<T> {

    private final String name;
    private final Iterator<T> rows;
    private final Function<T, String> idOf;
    private T next;
    private String lastId;

    SortedRows(String name, Iterator<T> rows, Function<T, String> idOf) {
        this.name = name;
        this.rows = rows;
        this.idOf = idOf;
        advance();
    }

    /** The transfer id of the next row, or null at the end. */
    String nextId() {
        return next == null ? null : idOf.apply(next);
    }

    /** The rows of this transfer id, if it is the next one. */
    List<T> take(String id) {
        var taken = new ArrayList<T>(2);
        while (next != null && id.equals(nextId())) {
            taken.add(next);
            advance();
        }
        return taken;
    }

    private void advance() {
        next = rows.hasNext() ? rows.next() : null;
        String id = nextId();
        if (id != null) {
            if (lastId != null && id.compareTo(lastId) < 0) {
                throw new IllegalStateException(name + " did not come sorted by transfer id: " + id + " after " + lastId);
            }
            lastId = id;
        }
    }
}
