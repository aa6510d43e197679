package dev.tandem.client.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShownOutputTest {

    private static final String OUTPUT = """
            HTTP/1.1 201 Created
            Content-Type: application/json
            Location: http://localhost:8080/tandem/api/transfers/6f1c0a52

            {"id":"6f1c0a52","status":"COMPLETED","mode":"SYNC"}
            POSTED                    AMOUNT   BALANCE AFTER
            """;

    @Test
    void theLinesShownAppearInOrderWithOthersBetween() {
        assertThat(ShownOutput.missing(List.of("HTTP/1.1 201 Created", "Location: http://localhost:8080/tandem/api/transfers/6f1c0a52"), OUTPUT))
                .isEmpty();
    }

    @Test
    void anEllipsisStandsForAnyTextAndALineOfItForLinesLeftOut() {
        assertThat(ShownOutput.missing(List.of("HTTP/1.1 201 Created", "…", "", "{\"id\":\"…\",\"status\":\"COMPLETED\",…}"), OUTPUT))
                .isEmpty();
    }

    @Test
    void runsOfSpacesCountAsOne() {
        assertThat(ShownOutput.missing(List.of("POSTED AMOUNT BALANCE AFTER"), OUTPUT)).isEmpty();
    }

    @Test
    void aLineNotInTheOutputIsNamed() {
        assertThat(ShownOutput.missing(List.of("HTTP/1.1 201 Created", "{…\"status\":\"REJECTED\"…}"), OUTPUT))
                .contains("{…\"status\":\"REJECTED\"…}");
    }

    @Test
    void orderMatters() {
        assertThat(ShownOutput.missing(List.of("Location: …", "HTTP/1.1 201 Created"), OUTPUT)).contains("HTTP/1.1 201 Created");
    }

    @Test
    void aLineMustMatchWholeNotInPart() {
        assertThat(ShownOutput.missing(List.of("201 Created"), OUTPUT)).contains("201 Created");
    }

    @Test
    void regularExpressionCharactersAreTakenLiterally() {
        assertThat(ShownOutput.missing(List.of("HTTP/1.1 201 Create."), OUTPUT)).isPresent();
    }
}
