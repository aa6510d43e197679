package dev.tandem.client.tour;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds a command's output to what the README shows for it. Each line shown must appear in the output, in the order
 * shown, with other lines between them allowed; {@code …} in a line stands for any text (an id, a time, a rate), a
 * line of {@code …} alone for lines left out. Runs of spaces count as one, so that aligned columns may differ.
 */
final class ShownOutput {

    static final String ELLIPSIS = "…";

    private ShownOutput() {
    }

    /** The first line shown that the output lacks (in order), or empty if the output has them all. */
    static Optional<String> missing(List<String> shown, String output) {
        List<String> actual = output.lines().map(ShownOutput::normalized).toList();
        int from = 0;
        for (String line : shown) {
            String expected = normalized(line);
            if (expected.isEmpty() || expected.equals(ELLIPSIS)) {
                continue;
            }
            Pattern pattern = pattern(expected);
            int found = from;
            while (found < actual.size() && !pattern.matcher(actual.get(found)).matches()) {
                found++;
            }
            if (found == actual.size()) {
                return Optional.of(line);
            }
            from = found + 1;
        }
        return Optional.empty();
    }

    private static Pattern pattern(String line) {
        return Pattern.compile(Stream.of(line.split(Pattern.quote(ELLIPSIS), -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    private static String normalized(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }
}
