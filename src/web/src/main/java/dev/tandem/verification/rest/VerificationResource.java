package dev.tandem.verification.rest;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.verification.control.Invariants;
import dev.tandem.verification.control.LedgerSnapshot;
import dev.tandem.verification.control.SnapshotReader;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /verification}: checks Tandem's invariants now and reports what it looked at and what
 * is wrong, if anything. Run it while no transfer is in flight.
 */
@Path("verification")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Inject
    SnapshotReader reader;

    @GET
    public JsonObject verify() throws SQLException, JMSException {
        LedgerSnapshot snapshot = reader.read();
        List<String> findings = Invariants.check(snapshot);
        var problems = JsonSupport.arrayBuilder();
        findings.forEach(problems::add);
        return JsonSupport.objectBuilder()
                .add("consistent", findings.isEmpty())
                .add("checked", JsonSupport.objectBuilder()
                        .add("accounts", snapshot.accounts().size())
                        .add("entries", snapshot.entries().size())
                        .add("transfers", snapshot.transfers().size())
                        .add("preparedTransactions", snapshot.preparedTransactions().values().stream().mapToInt(List::size).sum())
                        .add("queuedRequests", snapshot.queuedTransfers().size())
                        .add("deadLetters", snapshot.deadLetters().size()))
                .add("findings", problems)
                .build();
    }
}
