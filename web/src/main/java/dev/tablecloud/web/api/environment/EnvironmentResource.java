package dev.tablecloud.web.api.environment;

import dev.tablecloud.cloud.RegionData;
import dev.tablecloud.cloud.RegionService;
import dev.tablecloud.environment.DeletedEnvironment;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

@Path("environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentResource {

    @Inject
    EnvironmentService environments;

    @Inject
    RegionService regions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created; Location names the new environment.",
            content = @Content(schema = @Schema(implementation = EnvironmentData.class)))
    public Response create(EnvironmentData input, @Context UriInfo uri) {
        EnvironmentData created = environments.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    public List<EnvironmentData> list() {
        return environments.list();
    }

    @GET
    @Path("{name}")
    public EnvironmentData get(@PathParam("name") String name) {
        return environments.get(name);
    }

    /** Needs the admin role; the database is dropped only with {@code ?dropDatabase=true}. */
    @DELETE
    @Path("{name}")
    public DeletedEnvironment delete(@PathParam("name") String name,
                                     @QueryParam("dropDatabase") @DefaultValue("false") boolean dropDatabase) {
        return environments.delete(name, dropDatabase);
    }

    @GET
    @Path("{name}/regions")
    public List<RegionData> regions(@PathParam("name") String name) {
        return regions.regions(name);
    }
}
