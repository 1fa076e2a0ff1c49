package dev.tablecloud.web.api.promotion;

import dev.tablecloud.promotion.PromotionData;
import dev.tablecloud.promotion.PromotionRequest;
import dev.tablecloud.promotion.PromotionRunData;
import dev.tablecloud.promotion.PromotionService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

/**
 * Promotions: {@code POST {"source", "target", "cron" | "at", "timeZone", "commit"}} sets one up;
 * list, show, pause, resume, delete; {@code POST {id}/run} runs it now and answers the run;
 * {@code GET {id}/runs} is its history.
 */
@Path("promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    @EJB
    PromotionService promotions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Set up.",
            content = @Content(schema = @Schema(implementation = PromotionData.class)))
    public Response create(PromotionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(promotions.create(request == null ? new PromotionRequest(null, null, null, null, null, null)
                        : request)).build();
    }

    @GET
    public List<PromotionData> list() {
        return promotions.list();
    }

    @GET
    @Path("{id}")
    public PromotionData get(@PathParam("id") long id) {
        return promotions.get(id);
    }

    @POST
    @Path("{id}/pause")
    public PromotionData pause(@PathParam("id") long id) {
        return promotions.pause(id);
    }

    @POST
    @Path("{id}/resume")
    public PromotionData resume(@PathParam("id") long id) {
        return promotions.resume(id);
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") long id) {
        promotions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/run")
    public PromotionRunData run(@PathParam("id") long id) {
        return promotions.runNow(id);
    }

    @GET
    @Path("{id}/runs")
    public List<PromotionRunData> runs(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
        return promotions.runs(id, limit);
    }
}
