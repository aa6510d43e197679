package dev.tandem.client.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TourTest {

    private static final String README = """
            # Tandem

            ```sh
            ./tandem start
            ```

            ## A short tour

            Open **http://localhost:8080/tandem/** for the dashboard, or http://localhost:8080/openapi; not `http://localhost:8080/tandem/api`.

            ```sh
            export TELLER="teller:x"
            ```

            **Transfer**:

            ```sh
            curl -i http://localhost:8080/tandem/api/transfers
            ```

            ```
            HTTP/1.1 201 Created
            ```

            ```sh
            ./tandem totals
            ```

            Words between a block and the next are not its output:

            ```
            not shown for totals
            ```

            ```json
            {"a": 1}
            ```

            ## The API

            ```sh
            not in the tour
            ```
            """;

    @Test
    void stepsAreTheShellBlocksOfTheTourWithTheOutputRightAfterThem() {
        Tour tour = Tour.read(README);

        assertThat(tour.steps()).extracting(Tour.Step::script).containsExactly(
                "export TELLER=\"teller:x\"", "curl -i http://localhost:8080/tandem/api/transfers", "./tandem totals");
        assertThat(tour.steps()).extracting(Tour.Step::shown).containsExactly(List.of(), List.of("HTTP/1.1 201 Created"), List.of());
        assertThat(tour.steps().get(1).line()).isEqualTo(17);
    }

    @Test
    void linksAreTheLocalAddressesOfTheProse() {
        assertThat(Tour.read(README).links()).containsExactly(
                URI.create("http://localhost:8080/tandem/"), URI.create("http://localhost:8080/openapi"));
    }

    @Test
    void aStepIsNamedByItsFirstCommand() {
        assertThat(new Tour.Step(1, "# a comment\n\n./tandem submit --count 10   \nmore", List.of()).title())
                .isEqualTo("./tandem submit --count 10");
        assertThat(new Tour.Step(1, "curl -si http://localhost:8080/tandem/api/transfers \\\n     -d '{}'", List.of()).title())
                .isEqualTo("curl -si http://localhost:8080/tandem/api/transfers");
    }

    @Test
    void aReadmeWithoutTourOrWithAnOpenBlockIsRefused() {
        assertThatThrownBy(() -> Tour.read("# Tandem\n")).hasMessageContaining("no section");
        assertThatThrownBy(() -> Tour.read("## A short tour\n\n```sh\n./tandem start\n"))
                .hasMessageContaining("line 3 is not closed");
    }
}
