package dev.tandem.rest;

import dev.tandem.api.Roles;
import dev.tandem.api.json.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /caller}: who is signed in and which of Tandem's roles they hold, so that a page shows
 * only what its user may do (the dashboard hides the transfer form from anyone who is not a teller).
 */
@Path("caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @GET
    public JsonObject caller(@Context SecurityContext security) {
        var roles = JsonSupport.arrayBuilder();
        Roles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
        return JsonSupport.objectBuilder()
                .add("name", security.getUserPrincipal().getName())
                .add("roles", roles)
                .build();
    }
}
