package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.api.TransferRequest;
import dev.tandem.api.TransferStatus;
import dev.tandem.api.TransferUnavailableException;
import dev.tandem.api.json.TransferJson;
import dev.tandem.it.EventStream.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara: a transfer that rolls back because the second ledger refuses its leg at commit
 * (after the outcome event was fired) reaches only the observers of the failure: no AFTER_SUCCESS
 * observer counts or streams it, its audit row (written IN_PROGRESS) is gone, and AFTER_FAILURE
 * counted it. Accounts A-0015, B-0015.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionalObserversIT {

    /** Inside the server the test has no access to the secrets: the deployment carries the operator's header. */
    private static final String OPERATOR_AUTHORIZATION = "operator-authorization";

    @ArquillianResource
    URL probe;

    @Deployment
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "tandem-observers-probe.war")
                .addPackages(true, "dev.tandem.api")
                .addClasses(TransactionalObserversIT.class, TellerProbe.class, LedgerProbe.class, LedgerProbe.Refusal.class,
                        EventStream.class, EventStream.Event.class)
                .addAsResource(new StringAsset(Tandem.OPERATOR.basicAuthorization()), OPERATOR_AUTHORIZATION)
                .addAsWebInfResource(new StringAsset(TellerProbe.PAYARA_ROLE_MAPPING), "glassfish-web.xml");
    }

    @Test
    void aTransferThatRollsBackInTheSecondLedgerReachesOnlyTheObserversOfFailure() throws Exception {
        URI api = URI.create(probe.toString()).resolve("/tandem/api/");
        LedgerProbe ledgers = LedgerProbe.lookUp();
        var tandem = TellerProbe.lookUp();
        var failing = new TransferRequest(UUID.randomUUID(), "A-0015", "B-0015", new BigDecimal("8.00"), "EUR");
        var marker = new TransferRequest(UUID.randomUUID(), "A-0015", "B-0015", new BigDecimal("1.00"), "EUR");
        BigDecimal sourceBefore = ledgers.balance("A-0015");
        JsonObject before = get(api.resolve("transfers/counters"));

        try (EventStream stream = EventStream.open(api.resolve("transfers/events"), null, operatorAuthorization());
             var refusal = ledgers.refuse(ledgers.ledgerB, "ledger_entry", failing.id())) {

            assertThrows(TransferUnavailableException.class, () -> tandem.transfer(failing));
            assertEquals(TransferStatus.COMPLETED, tandem.transfer(marker).status());

            // the stream goes in commit order: the first event after the failure is the marker's
            Event first = stream.next(Duration.ofSeconds(10));
            assertNotNull(first, "the marker was streamed");
            assertEquals(marker.id(), TransferJson.parseDetails(first.data()).id());
        }

        JsonObject after = get(api.resolve("transfers/counters"));
        assertEquals(count(before, "completed") + 1, count(after, "completed"), "AFTER_SUCCESS counted the marker only");
        assertEquals(count(before, "rolledBack") + 1, count(after, "rolledBack"), "AFTER_FAILURE saw the rollback");
        assertEquals(0, ledgers.auditRows(failing.id()), "the audit row rolled back with the transfer");
        assertEquals(1, ledgers.auditRows(marker.id()));
        assertEquals(List.of(), ledgers.legs(ledgers.ledgerA, failing.id()));
        assertEquals(0, ledgers.records(failing.id(), null));
        assertEquals(sourceBefore.subtract(BigDecimal.ONE), ledgers.balance("A-0015"));
    }

    private static String operatorAuthorization() throws IOException {
        try (var in = TransactionalObserversIT.class.getClassLoader().getResourceAsStream(OPERATOR_AUTHORIZATION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("Authorization", operatorAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200, uri + " answered " + response.statusCode());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static long count(JsonObject counters, String name) {
        return counters.getJsonNumber(name).longValue();
    }
}
