package dev.tablecloud.web.api.health;

import dev.tablecloud.health.HealthReport;
import dev.tablecloud.health.HealthService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    HealthService health;

    @GET
    @APIResponse(responseCode = "200", description = "Up.",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "Down: the report says what is missing (the control database…).",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    public Response check() {
        HealthReport report = health.check();
        return Response.status(report.isUp() ? Status.OK : Status.SERVICE_UNAVAILABLE).entity(report).build();
    }
}
