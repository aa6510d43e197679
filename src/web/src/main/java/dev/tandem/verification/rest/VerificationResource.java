package dev.tandem.verification.rest;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.verification.control.Verification;
import dev.tandem.verification.control.Verifier;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/**
 * {@code GET /verification}: checks Tandem's invariants now and reports what it looked at and what
 * is wrong, if anything. Run it while no transfer is in flight.
 */
@Path("verification")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Inject
    Verifier verifier;

    @GET
    public JsonObject verify() throws SQLException, JMSException {
        Verification verification = verifier.verify();
        Verification.Checked checked = verification.checked();
        var findings = JsonSupport.arrayBuilder();
        verification.findings().forEach(findings::add);
        return JsonSupport.objectBuilder()
                .add("consistent", verification.consistent())
                .add("checked", JsonSupport.objectBuilder()
                        .add("accounts", checked.accounts())
                        .add("entries", checked.entries())
                        .add("transfers", checked.transfers())
                        .add("transactionManager", checked.transactionManager())
                        .add("preparedTransactions", checked.preparedTransactions())
                        .add("otherPreparedTransactions", checked.otherPreparedTransactions())
                        .add("queuedRequests", checked.queuedRequests())
                        .add("deadLetters", checked.deadLetters()))
                .add("findings", findings)
                .build();
    }
}
