package dev.tandem.client.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ as a reader finds them: the front door short, every link leading somewhere. */
class DocumentationTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path README = ROOT.resolve("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REPOSITORY_PATH = Pattern.compile("`((?:server-config|src|docs|benchmarks|deploy|worker|ear)/[^`\\s]*)`");
    private static final Pattern LAUNCHER_COMMAND = Pattern.compile("\\./tandem ([a-z][a-z-]*)");
    private static final Pattern LAUNCHER_USAGE = Pattern.compile("^  ([a-z][a-z-]*)[ \\[]", Pattern.MULTILINE);

    @Test
    void theFirstScreenHasTheTwoCommandsAndTheDiagram() throws IOException {
        List<String> firstScreen = Files.readAllLines(README).subList(0, 30);

        assertThat(firstScreen).contains("./tandem test").anyMatch(line -> line.startsWith("./tandem start "))
                .contains("```mermaid");
    }

    @Test
    void theReadmeIsAFrontDoorNotTheManual() throws IOException {
        assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(300);
        assertThat(Tour.read(Files.readString(README)).steps()).hasSizeGreaterThanOrEqualTo(6)
                .allMatch(step -> !step.shown().isEmpty() || step.script().startsWith("export "), "shows what each command answers");
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndSection() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                Path file = hash == 0 ? page : page.resolveSibling(hash < 0 ? target : target.substring(0, hash)).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + target + " (no such file)");
                } else if (hash >= 0 && Files.isRegularFile(file) && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(page + ": " + target + " (no such section)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocumentIsLinkedFromTheReadmeOrAnotherDocument() throws IOException {
        List<Path> linked = new ArrayList<>();
        for (Path page : pages()) {
            links(page).stream().filter(target -> !target.matches("^[a-z]+:.*") && !target.startsWith("#"))
                    .map(target -> page.resolveSibling(target.replaceFirst("#.*", "")).normalize()).forEach(linked::add);
        }
        assertThat(pages().stream().filter(page -> !page.equals(README.normalize())))
                .allMatch(page -> linked.contains(page) || linked.contains(page.getParent()), "is linked");
    }

    @Test
    void everyFileOfTheRepositoryTheDocumentsNameIsThere() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            Matcher path = REPOSITORY_PATH.matcher(Files.readString(page));
            while (path.find()) {
                String named = path.group(1).replaceFirst("[.,:;]$", "");
                if (!named.contains("*") && !named.contains("…") && !named.contains("/target/") && !Files.exists(ROOT.resolve(named))) {
                    missing.add(page + ": " + named);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLauncherCommandTheDocumentsShowIsOneOfItsCommands() throws IOException {
        List<String> commands = LAUNCHER_USAGE.matcher(Files.readString(ROOT.resolve("tandem"))).results().map(match -> match.group(1)).toList();
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            LAUNCHER_COMMAND.matcher(Files.readString(page)).results().map(match -> match.group(1))
                    .filter(command -> !command.equals("help") && !commands.contains(command)).forEach(command -> unknown.add(page + ": " + command));
        }
        assertThat(commands).as("the launcher's usage").contains("start", "test", "tour");
        assertThat(unknown).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(README), docs.filter(file -> file.toString().endsWith(".md"))).map(Path::normalize).toList();
        }
    }

    private static List<String> links(Path page) {
        List<String> found = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                found.add(link.group(1));
            }
        }
        return found;
    }

    /** The sections' anchors as GitHub makes them from the headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) {
        return prose(page).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    /** The page's lines outside fenced blocks. */
    private static List<String> prose(Path page) {
        try {
            List<String> lines = new ArrayList<>();
            boolean fenced = false;
            for (String line : Files.readAllLines(page)) {
                if (line.startsWith("```")) {
                    fenced = !fenced;
                } else if (!fenced) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
