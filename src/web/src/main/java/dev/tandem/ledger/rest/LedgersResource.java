package dev.tandem.ledger.rest;

import dev.tandem.api.json.TransferJson;
import dev.tandem.ledger.boundary.LedgerReads;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /ledgers/totals}: balances summed per ledger and currency, and overall per currency.
 * The overall sums are the conservation check: transfers never change them. Read while no transfer
 * is in flight; the two ledgers are read one after the other.
 */
@Path("ledgers")
@Produces(MediaType.APPLICATION_JSON)
public class LedgersResource {

    @Inject
    LedgerReads ledgers;

    @GET
    @Path("totals")
    public JsonObject totals() {
        return TransferJson.toJson(ledgers.totals());
    }
}
