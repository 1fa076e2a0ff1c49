package dev.tablecloud.web.api.transaction;

import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.transaction.CommitProgressData;
import dev.tablecloud.transaction.CommitReport;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.StringReader;
import java.util.List;

/** The same session beans as the iasql_* SQL functions. */
@Path("environments/{name}/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class TransactionResource {

    @Inject
    TransactionService transactions;

    @Inject
    ExportService exports;

    @POST
    @APIResponse(responseCode = "201", description = "Opened; Location names the transaction.",
            content = @Content(schema = @Schema(implementation = TransactionData.class)))
    public Response begin(@PathParam("name") String environment, @Context UriInfo uri) {
        TransactionData opened = transactions.begin(environment);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(opened.id())).build())
                .entity(opened).build();
    }

    @GET
    @Path("current")
    public TransactionData current(@PathParam("name") String environment) {
        return transactions.current(environment).orElseThrow(() -> new NotFoundException(
                "No transaction is open in environment '" + environment + "'."));
    }

    @GET
    @Path("{id: [0-9]+}")
    public TransactionData get(@PathParam("name") String environment, @PathParam("id") long id) {
        return transactions.get(environment, id);
    }

    /**
     * How the transaction's latest commit attempt goes or went, from the state the server keeps while
     * it runs (any node, any session sees the same): state, steps done of total, the steps running,
     * each step's outcome, and on failure the cloud's message and the undo. 404 before any commit.
     */
    @GET
    @Path("{id: [0-9]+}/progress")
    public CommitProgressData progress(@PathParam("name") String environment, @PathParam("id") long id) {
        return transactions.progress(environment, id);
    }

    /**
     * The portable SQL of the transaction: a runnable script, or JSON with the problems apart;
     * {@code ?target=prod} applies prod's value mappings and lists those that fired.
     */
    @GET
    @Path("{id: [0-9]+}/sql")
    @Produces(MediaType.TEXT_PLAIN)
    public String sqlScript(@PathParam("name") String environment, @PathParam("id") long id,
                            @QueryParam("target") String target) {
        return exports.forTransaction(environment, id, target).script();
    }

    @GET
    @Path("{id: [0-9]+}/sql")
    @Produces(MediaType.APPLICATION_JSON)
    public TransactionSql sql(@PathParam("name") String environment, @PathParam("id") long id,
                              @QueryParam("target") String target) {
        return exports.forTransaction(environment, id, target);
    }

    @POST
    @Path("current/preview")
    public List<PreviewRow> preview(@PathParam("name") String environment) {
        return transactions.preview(environment);
    }

    /**
     * 200 when committed; 409 when the review policy refuses (the reason in words); 502 when the
     * cloud refused, with what was done and undone. The body is optional — {@code curl -X POST} sends
     * none — or {@code {"override": "reason"}}: an admin's reason to commit without the approvals the
     * review policy asks for (break glass).
     */
    @POST
    @Path("current/commit")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "Committed.",
            content = @Content(schema = @Schema(implementation = CommitReport.class)))
    @APIResponse(responseCode = "502",
            description = "The cloud refused: what was done and undone; the transaction is open again.",
            content = @Content(schema = @Schema(implementation = CommitReport.class)))
    public Response commit(@PathParam("name") String environment,
                           @RequestBody(required = false,
                                   description = "None, or an admin's reason to commit without the approvals.",
                                   content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           schema = @Schema(implementation = CommitOverride.class)))
                           String body) {
        CommitReport report = transactions.commit(environment, override(body));
        return Response.status(report.committed() ? Response.Status.OK : Response.Status.BAD_GATEWAY)
                .entity(report).build();
    }

    /** The optional body of a commit, as the document shows it; read by hand, so that none may be sent. */
    public record CommitOverride(String override) {
    }

    private static String override(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject request = reader.readObject();
            JsonValue override = request.get("override");
            if (override == null || override.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (override instanceof JsonString reason) {
                return reason.getString();
            }
        } catch (JsonException | IllegalStateException notAnObject) {
            // answered below
        }
        throw new InvalidInputException(List.of(new FieldError("override",
                "Send no body, or {\"override\": \"the reason\"} to commit without the approvals.")));
    }

    @POST
    @Path("current/rollback")
    public TransactionData rollback(@PathParam("name") String environment) {
        return transactions.rollback(environment);
    }
}
