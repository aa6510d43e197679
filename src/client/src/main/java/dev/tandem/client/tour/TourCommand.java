package dev.tandem.client.tour;

import dev.tandem.client.Credentials;
import dev.tandem.client.chaos.Commands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tour", description = {
        "Runs every command of the README's tour against the started Tandem, in the README's directory, and holds",
        "each to the output the README shows; opens every local address the tour names. Exits 1 if any differs.",
        "For the default Tandem (./tandem start with the default settings): the tour names its address and var/secrets."})
public class TourCommand implements Callable<Integer> {

    /** The address the tour's commands name: the default Tandem's. */
    static final String DEFAULT_API = "http://localhost:8080/tandem/api";

    /** curl's exit status when its {@code --max-time} ran out: how a tour step ends a stream it follows. */
    private static final int CURL_TIME_LIMIT = 28;

    @Option(names = "--readme", required = true, description = "the README whose tour to run")
    Path readme;

    @Option(names = "--step-timeout", defaultValue = "PT5M", description = "the longest a step may take (default: ${DEFAULT-VALUE})")
    Duration stepTimeout;

    @Override
    public Integer call() throws Exception {
        Path directory = readme.toAbsolutePath().getParent();
        Path secrets = directory.resolve("var/secrets");
        String api = System.getenv().getOrDefault("TANDEM_URL", DEFAULT_API);
        if (!api.equals(DEFAULT_API) || !Files.isReadable(secrets.resolve("teller-password"))) {
            System.err.println("tandem: the tour names the default Tandem (" + DEFAULT_API + ", var/secrets): run it against"
                    + " ./tandem start with the default settings (this one: " + api + ")");
            return 2;
        }
        Tour tour = Tour.read(Files.readString(readme));
        Path shellState = Files.createTempFile("tandem-tour", ".sh");
        int failed = 0;
        try {
            for (Tour.Step step : tour.steps()) {
                failed += report("line " + step.line() + ": " + step.title(), run(step, directory, shellState));
            }
        } finally {
            Files.deleteIfExists(shellState);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Credentials teller = Credentials.fromSecrets(secrets, "teller");
        for (URI link : tour.links()) {
            failed += report("link " + link, opened(http, link, teller));
        }
        System.out.printf("%d steps and %d links checked: %s%n", tour.steps().size(), tour.links().size(),
                failed == 0 ? "all as the README shows" : failed + " differ");
        return failed == 0 ? 0 : 1;
    }

    /** @return 1 if there is a problem, which is printed, else 0 */
    private static int report(String what, Optional<String> problem) {
        System.out.println((problem.isEmpty() ? "ok    " : "FAIL  ") + what);
        problem.ifPresent(text -> System.out.println(text.indent(6).stripTrailing()));
        return problem.isPresent() ? 1 : 0;
    }

    /**
     * Runs the step's block as one bash script, with {@code set -e}, in the shell state (the exported variables) the
     * steps before it left, and without the launcher's {@code TANDEM_*} settings, as a reader's shell would.
     */
    private Optional<String> run(Tour.Step step, Path directory, Path shellState) throws InterruptedException {
        String script = "set -eo pipefail\n. '" + shellState + "'\n" + step.script() + "\nexport -p > '" + shellState + "'\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_"));
        Commands.Result result;
        try {
            result = Commands.run(builder, stepTimeout);
        } catch (IllegalStateException outlived) {
            return Optional.of("did not end within " + stepTimeout);
        }
        boolean ended = result.exitCode() == 0 || result.exitCode() == CURL_TIME_LIMIT && step.script().contains("--max-time");
        if (!ended) {
            return Optional.of("exit status " + result.exitCode() + ":\n" + result.output());
        }
        return ShownOutput.missing(step.shown(), result.output())
                .map(line -> "the output lacks the line the README shows\n  " + line + "\nafter the lines before it; the output:\n" + result.output());
    }

    private static Optional<String> opened(HttpClient http, URI link, Credentials user) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(link).header("Authorization", user.basicAuthorization())
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("answered " + response.statusCode());
        } catch (IOException e) {
            return Optional.of("did not answer: " + e);
        }
    }
}
