package dev.tablecloud.web.api.review;

import dev.tablecloud.review.PlanRowRef;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewDecisionService;
import dev.tablecloud.review.ReviewEvent;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.review.ReviewService;
import dev.tablecloud.review.ReviewSummary;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** An environment's reviews: read them, freeze revisions, decide and comment. */
@Path("environments/{name}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    @EJB
    ReviewQueryService queries;

    @EJB
    ReviewService reviews;

    @EJB
    ReviewDecisionService decisions;

    public record DecisionRequest(Integer revision, String decision, String comment) {
    }

    public record CommentRequest(String text, PlanRowRef planRow) {
    }

    /** {@code ?state=open} (the default) or {@code closed}. */
    @GET
    public List<ReviewSummary> list(@PathParam("name") String environment, @QueryParam("state") String state) {
        return queries.list(environment, state);
    }

    @GET
    @Path("{id: [0-9]+}")
    public ReviewData get(@PathParam("name") String environment, @PathParam("id") long id) {
        return queries.get(environment, id);
    }

    @GET
    @Path("{id: [0-9]+}/history")
    public List<ReviewEvent> history(@PathParam("name") String environment, @PathParam("id") long id) {
        return queries.history(environment, id);
    }

    @POST
    @Path("{id: [0-9]+}/revisions")
    @APIResponse(responseCode = "201", description = "The review with its new revision.",
            content = @Content(schema = @Schema(implementation = ReviewData.class)))
    public Response newRevision(@PathParam("name") String environment, @PathParam("id") long id) {
        ReviewData revised = reviews.newRevision(environment, id);
        return Response.status(Response.Status.CREATED).entity(revised).build();
    }

    @POST
    @Path("{id: [0-9]+}/decisions")
    @APIResponse(responseCode = "201", description = "The decision, kept.",
            content = @Content(schema = @Schema(implementation = ReviewData.Decision.class)))
    public Response decide(@PathParam("name") String environment, @PathParam("id") long id, DecisionRequest request) {
        ReviewData.Decision decided = decisions.decide(environment, id, request == null ? null : request.revision(),
                request == null ? null : request.decision(), request == null ? null : request.comment());
        return Response.status(Response.Status.CREATED).entity(decided).build();
    }

    @POST
    @Path("{id: [0-9]+}/comments")
    @APIResponse(responseCode = "201", description = "The comment, kept.",
            content = @Content(schema = @Schema(implementation = ReviewData.Comment.class)))
    public Response comment(@PathParam("name") String environment, @PathParam("id") long id, CommentRequest request) {
        ReviewData.Comment kept = decisions.comment(environment, id, request == null ? null : request.text(),
                request == null ? null : request.planRow());
        return Response.status(Response.Status.CREATED).entity(kept).build();
    }
}
