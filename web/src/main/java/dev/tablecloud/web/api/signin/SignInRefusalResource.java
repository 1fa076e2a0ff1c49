package dev.tablecloud.web.api.signin;

import dev.tablecloud.signin.RefusalData;
import dev.tablecloud.signin.SignInService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Refused sign-ins, newest first, for admins: {@code GET sign-in-refusals?user=alice&limit=50}. */
@Path("sign-in-refusals")
@Produces(MediaType.APPLICATION_JSON)
public class SignInRefusalResource {

    @EJB
    SignInService signIn;

    @GET
    public List<RefusalData> list(@QueryParam("user") String user, @QueryParam("limit") Integer limit) {
        return signIn.refusals(user, limit);
    }
}
