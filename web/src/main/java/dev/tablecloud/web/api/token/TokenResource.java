package dev.tablecloud.web.api.token;

import dev.tablecloud.token.CreatedToken;
import dev.tablecloud.token.NewToken;
import dev.tablecloud.token.TokenData;
import dev.tablecloud.token.TokenService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * Personal API tokens: {@code POST tokens} makes one (its secret in this answer only), {@code GET
 * tokens} lists the caller's ({@code ?user=bob} or {@code ?all=true} for admins), {@code DELETE
 * tokens/{id}} revokes.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    TokenService tokens;

    @POST
    @APIResponse(responseCode = "201", description = "Created; the secret is in this answer only.",
            content = @Content(schema = @Schema(implementation = CreatedToken.class)))
    public Response create(NewToken token, @Context UriInfo uri) {
        CreatedToken created = tokens.create(token);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.token().id())).build())
                .entity(created).build();
    }

    @GET
    public List<TokenData> list(@QueryParam("user") String user, @QueryParam("all") boolean all) {
        return tokens.list(user, all);
    }

    @DELETE
    @Path("{id}")
    public TokenData revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
