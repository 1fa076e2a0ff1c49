package dev.tablecloud.web.api.drift;

import dev.tablecloud.drift.DriftChange;
import dev.tablecloud.drift.DriftReverted;
import dev.tablecloud.drift.DriftScheduleData;
import dev.tablecloud.drift.DriftService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;
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

    /** The body is optional ({@code curl -X POST} sends none): no body or no positions, every drift change. */
    @POST
    @Path("revert")
    @Consumes(MediaType.WILDCARD)
    public DriftReverted revert(@PathParam("name") String environment, String body) {
        return drift.revert(environment, positions(body));
    }

    private static List<Long> positions(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue positions = reader.readObject().get("positions");
            if (positions == null || positions.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (positions instanceof JsonArray list && list.stream().allMatch(JsonNumber.class::isInstance)) {
                return list.getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
            }
        } catch (JsonException | IllegalStateException | ClassCastException notAnObject) {
            // answered below
        }
        throw new InvalidInputException(List.of(new FieldError("positions",
                "Send no body, or {\"positions\": [audit ids]} of the drift changes to revert (GET …/drift lists them).")));
    }
}
