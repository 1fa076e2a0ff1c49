package dev.tablecloud.web.api.sqlconsole;

import dev.tablecloud.sqlconsole.SqlConsoleService;
import dev.tablecloud.sqlconsole.SqlRunResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Runs SQL in an environment database. A statement that PostgreSQL rejects is not an HTTP error:
 * the answer is 200 with {@code ok: false} and the error, with its position, on that statement.
 */
@Path("environments/{name}/sql")
@RequestScoped
public class SqlResource {

    @Inject
    SqlConsoleService console;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SqlRunResult run(@PathParam("name") String environment, SqlRequest request) {
        return console.run(environment, request == null ? null : request.sql());
    }
}
