package dev.tablecloud.web.api.review;

import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Opens the review of an environment's open transaction, freezing revision 1. */
@Path("environments/{name}/transactions/current/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpenReviewResource {

    @EJB
    ReviewService reviews;

    public record OpenRequest(String title, String description) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "Opened; Location names the review.",
            content = @Content(schema = @Schema(implementation = ReviewData.class)))
    public Response open(@PathParam("name") String environment, OpenRequest request, @Context UriInfo uri) {
        ReviewData opened = reviews.open(environment, request == null ? null : request.title(),
                request == null ? null : request.description());
        return Response.created(UriBuilder.fromUri(uri.getBaseUri()).path("environments").path(environment)
                .path("reviews").path(String.valueOf(opened.id())).build()).entity(opened).build();
    }
}
