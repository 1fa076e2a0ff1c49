package dev.tablecloud.web.api.schedule;

import dev.tablecloud.schedule.CommitFreeze;
import dev.tablecloud.schedule.CommitWindow;
import dev.tablecloud.schedule.CommitWindowService;
import dev.tablecloud.schedule.CommitWindowsData;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * An environment's commit windows and freezes: viewers read them with what they mean now (open or
 * not, the next opening), admins replace them.
 */
@Path("environments/{name}/commit-windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitWindowsResource {

    /** {@code {"windows": [{"cron", "durationMinutes", "timeZone"}], "freezes": [{"from", "to", "reason"}]}} */
    public record Settings(List<CommitWindow> windows, List<CommitFreeze> freezes) {
    }

    @EJB
    CommitWindowService windows;

    @GET
    public CommitWindowsData get(@PathParam("name") String environment) {
        return windows.get(environment);
    }

    @PUT
    public CommitWindowsData put(@PathParam("name") String environment, Settings settings) {
        return windows.replace(environment, settings == null ? null : settings.windows(),
                settings == null ? null : settings.freezes());
    }
}
