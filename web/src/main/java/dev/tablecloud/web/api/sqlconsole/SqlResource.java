package dev.tablecloud.web.api.sqlconsole;

import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.sqlconsole.SqlConsoleService;
import dev.tablecloud.sqlconsole.SqlRunResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * SQL of an environment: POST runs it; GET exports the users' changes as portable SQL.
 * Runs SQL in an environment database. A statement that PostgreSQL rejects is not an HTTP error:
 * the answer is 200 with {@code ok: false} and the error, with its position, on that statement.
 */
@Path("environments/{name}/sql")
@RequestScoped
public class SqlResource {

    @Inject
    SqlConsoleService console;

    @Inject
    ExportService exports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SqlRunResult run(@PathParam("name") String environment, SqlRequest request) {
        return console.run(environment, request == null ? null : request.sql());
    }

    /**
     * The portable SQL of the users' changes since a moment (ISO-8601), as a runnable script;
     * {@code &target=prod} applies prod's value mappings.
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String exportScript(@PathParam("name") String environment, @QueryParam("since") String since,
                               @QueryParam("target") String target) {
        return exports.since(environment, moment(since), target).script();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TransactionSql export(@PathParam("name") String environment, @QueryParam("since") String since,
                                 @QueryParam("target") String target) {
        return exports.since(environment, moment(since), target);
    }

    private static Instant moment(String since) {
        try {
            return Instant.parse(since);
        } catch (RuntimeException e) {
            throw new InvalidInputException(List.of(new FieldError("since",
                    "Give since as an ISO-8601 moment, e.g. 2026-11-21T09:00:00Z.")));
        }
    }
}
