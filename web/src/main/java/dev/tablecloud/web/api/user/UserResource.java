package dev.tablecloud.web.api.user;

import dev.tablecloud.security.GrantData;
import dev.tablecloud.security.NewUser;
import dev.tablecloud.security.UserData;
import dev.tablecloud.security.UserService;
import dev.tablecloud.signin.SignInService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Users and their roles: admins create and remove users, grant and revoke roles; everyone sees themselves. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    UserService users;

    @EJB
    SignInService signIn;

    @POST
    @APIResponse(responseCode = "201", description = "Created; Location names the user.",
            content = @Content(schema = @Schema(implementation = UserData.class)))
    public Response create(NewUser user, @Context UriInfo uri) {
        UserData created = users.create(user);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    public List<UserData> list() {
        return users.list();
    }

    @GET
    @Path("me")
    public UserData me() {
        return users.me();
    }

    @POST
    @Path("{name}/roles")
    public UserData grant(@PathParam("name") String name, GrantData grant) {
        return users.grant(name, grant);
    }

    /** {@code DELETE users/bob/roles?role=viewer&environment=staging}; without environment, the role held everywhere. */
    @DELETE
    @Path("{name}/roles")
    public UserData revoke(@PathParam("name") String name, @QueryParam("role") String role,
                           @QueryParam("environment") String environment) {
        return users.revoke(name, new GrantData(environment, role));
    }

    @DELETE
    @Path("{name}")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response remove(@PathParam("name") String name) {
        users.remove(name);
        return Response.noContent().build();
    }

    /** Ends a lockout after failed sign-ins at once (admins). */
    @POST
    @Path("{name}/unlock")
    @APIResponse(responseCode = "204", description = "Unlocked.")
    public Response unlock(@PathParam("name") String name) {
        signIn.unlock(name);
        return Response.noContent().build();
    }

    public record PasswordChange(String password) {
    }

    @PUT
    @Path("{name}/password")
    @APIResponse(responseCode = "204", description = "Changed; the user's sessions and cached credentials end.")
    public Response changePassword(@PathParam("name") String name, PasswordChange change) {
        users.changePassword(name, change == null ? null : change.password());
        return Response.noContent().build();
    }
}
