package dev.tandem.client.tour;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's tour, read from its Markdown: the section headed {@value #HEADING} up to the next section of the same
 * level. Every fenced block marked {@code sh} is a step; a block without a language right after it is the output the
 * README shows for it. The addresses of the local Tandem named in the prose (not in blocks or inline code) are links a
 * reader opens.
 *
 * @param steps the commands, in the order shown
 * @param links the local addresses named in the prose, each once
 */
public record Tour(List<Step> steps, List<URI> links) {

    static final String HEADING = "## A short tour";

    private static final String FENCE = "```";
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("http://localhost:\\d+/[^\\s)`*\"'<>]*[^\\s)`*\"'<>.,;:]");

    /**
     * One block of commands, run as one shell script.
     *
     * @param line  where the block starts in the README (1-based), for messages
     * @param shown the output the README shows after it; empty if it shows none
     */
    public record Step(int line, String script, List<String> shown) {

        /** The block's first command line (without a continuing backslash), to name the step. */
        public String title() {
            String first = script.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse(script).strip();
            return first.endsWith("\\") ? first.substring(0, first.length() - 1).stripTrailing() : first;
        }
    }

    /** @throws IllegalArgumentException the README has no tour, or a block in it is not closed */
    public static Tour read(String markdown) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalArgumentException("no section '" + HEADING + "'");
        }
        var steps = new ArrayList<Step>();
        Set<URI> links = new LinkedHashSet<>();
        boolean outputMayFollow = false;
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("## ")) {
            String line = lines.get(i);
            if (!line.startsWith(FENCE)) {
                Matcher address = LOCAL_ADDRESS.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (address.find()) {
                    links.add(URI.create(address.group()));
                }
                outputMayFollow &= line.isBlank();
                i++;
                continue;
            }
            String language = line.substring(FENCE.length()).strip();
            int end = closing(lines, i);
            List<String> body = List.copyOf(lines.subList(i + 1, end));
            if (language.equals("sh")) {
                steps.add(new Step(i + 1, String.join("\n", body), List.of()));
                outputMayFollow = true;
            } else {
                if (language.isEmpty() && outputMayFollow) {
                    Step command = steps.remove(steps.size() - 1);
                    steps.add(new Step(command.line(), command.script(), body));
                }
                outputMayFollow = false;
            }
            i = end + 1;
        }
        return new Tour(List.copyOf(steps), List.copyOf(links));
    }

    private static int closing(List<String> lines, int opening) {
        for (int i = opening + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the block at line " + (opening + 1) + " is not closed");
    }
}
