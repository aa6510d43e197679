package dev.tandem.ledger.rest;

import dev.tandem.api.json.JsonSupport;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.json.TransferJson;
import dev.tandem.transfer.boundary.TransferServiceBean;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /accounts} and {@code GET /accounts/{id}}: accounts of both ledgers with their balances. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    TransferServiceBean ledgers;

    @GET
    public JsonArray accounts() {
        JsonArrayBuilder accounts = JsonSupport.arrayBuilder();
        ledgers.accounts().forEach(account -> accounts.add(TransferJson.toJson(account)));
        return accounts.build();
    }

    @GET
    @Path("{id}")
    public JsonObject account(@PathParam("id") String id) throws UnknownAccountException {
        return TransferJson.toJson(ledgers.findAccount(id));
    }
}
