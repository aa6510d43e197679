package dev.tandem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker as deploy/ describes it past one machine: the image's entry point and environment
 * (deploy/container/Containerfile) and what the StatefulSet adds per pod (deploy/kubernetes/tandem-workers.yaml).
 * Read with a few patterns, not a YAML parser: these files are Tandem's own and keep one entry per line.
 */
record WorkerDeployment(List<String> entrypoint, Map<String, String> imageEnvironment, List<String> podEnvironment,
                        List<String> podArguments) {

    /** Where the image puts what ./tandem worker-image assembles. */
    static final String IMAGE_ROOT = "/opt/tandem";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern POD_VARIABLE = Pattern.compile("^\\s*- name: ([A-Z][A-Z0-9_]*)\\s*$");

    static WorkerDeployment read(Path root) {
        List<String> containerfile = joinedLines(root.resolve("deploy/container/Containerfile"));
        List<String> statefulSet = lines(root.resolve("deploy/kubernetes/tandem-workers.yaml"));
        List<String> entrypoint = quoted(instruction(containerfile, "ENTRYPOINT"));
        var imageEnvironment = new LinkedHashMap<String, String>();
        for (String assignment : instruction(containerfile, "ENV").strip().split("\\s+")) {
            String[] nameAndValue = assignment.split("=", 2);
            imageEnvironment.put(nameAndValue[0], nameAndValue[1]);
        }
        List<String> podEnvironment = statefulSet.stream().map(POD_VARIABLE::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1)).toList();
        List<String> podArguments = quoted(statefulSet.stream().filter(line -> line.strip().startsWith("args:")).findFirst()
                .orElseThrow(() -> new AssertionError("the StatefulSet gives the container no args")));
        return new WorkerDeployment(entrypoint, imageEnvironment, podEnvironment, podArguments);
    }

    private static String instruction(List<String> containerfile, String name) {
        return containerfile.stream().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("the Containerfile has no " + name));
    }

    private static List<String> quoted(String text) {
        return QUOTED.matcher(text).results().map(match -> match.group(1)).toList();
    }

    /** The Containerfile's lines with each continued line (ending in a backslash) joined to the next. */
    private static List<String> joinedLines(Path file) {
        return Arrays.stream(String.join("\n", lines(file)).replaceAll("\\\\\n\\s*", " ").split("\n")).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
