package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tandem test} on a machine where it cannot install the browser the dashboard test needs: it
 * names the missing packages and stops before Maven runs a single test.
 */
class TestCommandPreflightTest {

    private static final Path TANDEM = Path.of(System.getProperty("tandem.root", "../..")).resolve("tandem");
    private static final Set<String> INSTALLERS = Set.of("apt-get", "apt", "mvn");

    @TempDir
    Path dir;

    @Test
    void withoutApt_namesTheMissingPackagesAndRunsNoTest() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        linkCommandsExceptInstallers(bin);
        Path mavenRan = dir.resolve("maven-ran");
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ntouch '" + mavenRan + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        var run = Processes.run(List.of(TANDEM.toString(), "test"), Map.of(
                "PATH", bin.toString(),
                "TANDEM_VAR", dir.resolve("var").toString(),
                "TANDEM_CHROMEDRIVER", dir.resolve("absent/chromedriver").toString()), Duration.ofSeconds(30));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("chromium chromium-driver", "apt-get install", dir.resolve("absent/chromedriver").toString());
        assertThat(mavenRan).as("Maven was not started").doesNotExist();
    }

    /** The links, before JUnit removes the directory (it warns about every link it finds). */
    @AfterEach
    void removeTheLinks() throws IOException {
        try (Stream<Path> commands = Files.list(dir.resolve("bin"))) {
            for (Path command : (Iterable<Path>) commands::iterator) {
                Files.delete(command);
            }
        }
    }

    /** A PATH holding every command of this machine but the package manager (and Maven, which the test fakes). */
    private static void linkCommandsExceptInstallers(Path bin) throws IOException {
        for (String directory : List.of("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (!Files.isDirectory(Path.of(directory))) {
                continue;
            }
            try (Stream<Path> commands = Files.list(Path.of(directory))) {
                for (Path command : (Iterable<Path>) commands::iterator) {
                    Path link = bin.resolve(command.getFileName());
                    if (!INSTALLERS.contains(command.getFileName().toString()) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
    }
}
