package dev.tablecloud.web.api.schedule;

import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.schedule.ScheduledCommitData;
import dev.tablecloud.schedule.ScheduledCommitService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


/**
 * The scheduled commit of an environment's open transaction: {@code POST {"at": ISO 8601}} or
 * {@code {"at": "next-window"}} schedules it, {@code GET} shows it, {@code DELETE} cancels it. How
 * each schedule ended is in the job history ({@code GET /jobs/runs?environment=…}).
 */
@Path("environments/{name}/transactions/current/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduledCommitResource {

    public record Request(String at) {
    }

    @EJB
    ScheduledCommitService schedules;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Scheduled.",
            content = @Content(schema = @Schema(implementation = ScheduledCommitData.class)))
    public Response schedule(@PathParam("name") String environment, Request request) {
        return Response.status(Response.Status.CREATED)
                .entity(schedules.schedule(environment, request == null ? null : request.at())).build();
    }

    @GET
    public ScheduledCommitData current(@PathParam("name") String environment) {
        return schedules.current(environment).orElseThrow(() -> new NotFoundException(
                "No commit is scheduled in environment '" + environment + "'."));
    }

    @DELETE
    public ScheduledCommitData cancel(@PathParam("name") String environment) {
        return schedules.cancel(environment);
    }
}
