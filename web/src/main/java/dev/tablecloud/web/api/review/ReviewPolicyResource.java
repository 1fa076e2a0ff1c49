package dev.tablecloud.web.api.review;

import dev.tablecloud.review.ReviewPolicyData;
import dev.tablecloud.review.ReviewPolicyService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An environment's review policy: viewers read it, its admins change it. */
@Path("environments/{name}/review-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewPolicyResource {

    @EJB
    ReviewPolicyService policies;

    @GET
    public ReviewPolicyData get(@PathParam("name") String environment) {
        return policies.get(environment);
    }

    @PUT
    public ReviewPolicyData put(@PathParam("name") String environment, ReviewPolicyData policy) {
        return policies.put(environment, policy);
    }
}
