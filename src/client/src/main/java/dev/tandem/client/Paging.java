package dev.tandem.client;

import dev.tandem.client.RestTransferService.Page;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How a list command pages: one page of {@code --limit} items from {@code --cursor}, or {@code --all} of them. */
class Paging {

    @Option(names = "--limit", defaultValue = "20", description = "items per page, 1 to 1000 (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--cursor", description = "where the page starts: the cursor printed after the one before")
    String cursor;

    @Option(names = "--all", description = "every page, not only the first")
    boolean all;

    /** The paging's query parameters, after the list's own. */
    Map<String, String> query(Map<String, String> filters) {
        var query = new LinkedHashMap<>(filters);
        query.put("limit", Integer.toString(limit));
        query.put("cursor", cursor);
        return query;
    }

    /**
     * Prints the first page a line per item under a heading, then, with {@code --all}, every page after it; otherwise
     * how to ask for the next one.
     */
    <T> void print(PrintStream out, String heading, Page<T> first, Function<URI, Page<T>> next, Function<T, String> line) {
        out.println(heading);
        int printed = 0;
        for (Page<T> page = first; ; page = next.apply(page.next().orElseThrow())) {
            page.items().forEach(item -> out.println(line.apply(item)));
            printed += page.items().size();
            if (page.next().isEmpty()) {
                out.printf("(%d shown, no more)%n", printed);
                return;
            }
            if (!all) {
                out.printf("(%d shown; the next page: --cursor %s)%n", printed, page.nextCursor().orElseThrow());
                return;
            }
        }
    }
}
