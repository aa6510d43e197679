package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.api.TransferRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmitCommandTest {

    @Test
    void readsTransfersFromCsvKeepingGivenIdsAndInventingMissingOnes() {
        String id = "3f2b8c1e-7d4a-4b6e-9c0d-5a1e2f3b4c5d";

        List<TransferRequest> requests = SubmitCommand.fromCsv(List.of(
                "id,from,to,amount,currency",
                "# a comment",
                id + ",A-0001,B-0001,10.00,EUR",
                "",
                " ,B-0002 , A-0002, 0.50 ,USD"));

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).id()).isEqualTo(UUID.fromString(id));
        assertThat(requests.get(0).amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(requests.get(1).id()).isNotNull();
        assertThat(requests.get(1).from()).isEqualTo("B-0002");
        assertThat(requests.get(1).to()).isEqualTo("A-0002");
        assertThat(requests.get(1).currency()).isEqualTo("USD");
    }

    @Test
    void refusesLinesThatAreNotFiveFields() {
        assertThatThrownBy(() -> SubmitCommand.fromCsv(List.of("A-0001,B-0001,10.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected id,from,to,amount,currency");
    }
}
