package dev.tandem.ledger.rest;

import dev.tandem.api.InvalidTransferException;
import dev.tandem.api.UnknownAccountException;
import dev.tandem.api.json.TransferJson;
import dev.tandem.ledger.boundary.LedgerReads;
import dev.tandem.pages.Position;
import dev.tandem.rest.Pages;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/**
 * {@code GET /accounts} (in id order, a page at a time: {@link Pages}), {@code GET /accounts/{id}}: accounts of
 * both ledgers with their balances; {@code GET /accounts/{id}/entries}: an account's statement, newest first.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    LedgerReads ledgers;

    @Context
    UriInfo uriInfo;

    @GET
    public Response accounts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) throws InvalidTransferException {
        String after = Pages.key(cursor);
        return Pages.page(limit, most -> ledgers.accounts(after, most), TransferJson::toJson,
                account -> Pages.cursor(account.id()), uriInfo);
    }

    @GET
    @Path("{id}")
    public JsonObject account(@PathParam("id") String id) throws UnknownAccountException {
        return TransferJson.toJson(ledgers.account(id));
    }

    @GET
    @Path("{id}/entries")
    public Response entries(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor)
            throws InvalidTransferException, UnknownAccountException {
        Position after = Pages.position(cursor);
        return Pages.page(limit, most -> ledgers.entries(id, after, most), TransferJson::toJson,
                entry -> Pages.cursor(new Position(entry.postedAt(), entry.id())), uriInfo);
    }
}
