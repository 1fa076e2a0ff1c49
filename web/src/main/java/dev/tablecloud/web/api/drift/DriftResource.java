package dev.tablecloud.web.api.drift;

import dev.tablecloud.drift.DriftChange;
import dev.tablecloud.drift.DriftReverted;
import dev.tablecloud.drift.DriftScheduleData;
import dev.tablecloud.drift.DriftService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * An environment's drift: {@code GET} the rows the cloud changed by hand, newest first, old → new;
 * {@code GET/PUT …/schedule} how often it syncs to look ({@code {"intervalMinutes": 15}}, 0 never,
 * null the server's default); {@code POST …/revert} opens a transaction that puts the drifted rows
 * back ({@code {"positions": [audit ids]}}, none: every drift change not yet reverted) and answers
 * its preview, for review and commit like any other.
 */
@Path("environments/{name}/drift")
@Produces(MediaType.APPLICATION_JSON)
public class DriftResource {

    public record Schedule(Integer intervalMinutes) {
    }

    public record Revert(List<Long> positions) {
    }

    @EJB
    DriftService drift;

    @GET
    public List<DriftChange> changes(@PathParam("name") String environment, @QueryParam("limit") Integer limit) {
        return drift.changes(environment, limit == null ? 100 : limit);
    }

    @GET
    @Path("schedule")
    public DriftScheduleData schedule(@PathParam("name") String environment) {
        return drift.schedule(environment);
    }

    @PUT
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public DriftScheduleData setSchedule(@PathParam("name") String environment, Schedule schedule) {
        return drift.setSchedule(environment, schedule == null ? null : schedule.intervalMinutes());
    }

    @POST
    @Path("revert")
    @Consumes(MediaType.APPLICATION_JSON)
    public DriftReverted revert(@PathParam("name") String environment, Revert revert) {
        return drift.revert(environment, revert == null ? null : revert.positions());
    }
}
