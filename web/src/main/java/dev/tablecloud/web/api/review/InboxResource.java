package dev.tablecloud.web.api.review;

import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.review.ReviewSummary;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Across environments: the open reviews the caller may decide and has not. */
@Path("reviews/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @EJB
    ReviewQueryService queries;

    @GET
    public List<ReviewSummary> inbox() {
        return queries.inbox();
    }
}
