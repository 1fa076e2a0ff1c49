package dev.tablecloud.web.api.review;

import dev.tablecloud.review.ReviewService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What {@code iasql_create_review(title, description)} does, through the same session bean: opens
 * the review of the open transaction and answers its markdown, for a pull request or a ticket.
 */
@Path("environments/{name}/transactions/current/review")
public class ReviewResource {

    @EJB
    ReviewService reviews;

    public record ReviewRequest(String title, String description) {
    }

    /** The new review as markdown: title, description, preview and the whole SQL. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/markdown")
    public String markdown(@PathParam("name") String environment, ReviewRequest request) {
        return reviews.openWithMarkdown(environment, request == null ? null : request.title(),
                request == null ? null : request.description());
    }
}
