package dev.tablecloud.web.api.mapping;

import dev.tablecloud.mapping.MappingData;
import dev.tablecloud.mapping.MappingService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * The value mappings of an environment, applied when SQL is exported for it
 * ({@code …/transactions/{id}/sql?target=<this environment>}).
 */
@Path("environments/{name}/mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MappingResource {

    @EJB
    MappingService mappings;

    @GET
    public List<MappingData> list(@PathParam("name") String environment) {
        return mappings.list(environment);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Added at the end of the order.",
            content = @Content(schema = @Schema(implementation = MappingData.class)))
    public Response add(@PathParam("name") String environment, MappingData mapping, @Context UriInfo uri) {
        MappingData added = mappings.add(environment, mapping);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.id())).build())
                .entity(added).build();
    }

    /** All mappings at once, in the order they apply. */
    @PUT
    public List<MappingData> replace(@PathParam("name") String environment, List<MappingData> all) {
        return mappings.replace(environment, all == null ? List.of() : all);
    }

    /** One mapping changed in place, keeping its id and its place in the order. */
    @PUT
    @Path("{id: [0-9]+}")
    public MappingData update(@PathParam("name") String environment, @PathParam("id") long id, MappingData mapping) {
        return mappings.update(environment, id, mapping);
    }

    @DELETE
    @Path("{id: [0-9]+}")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response remove(@PathParam("name") String environment, @PathParam("id") long id) {
        mappings.remove(environment, id);
        return Response.noContent().build();
    }
}
