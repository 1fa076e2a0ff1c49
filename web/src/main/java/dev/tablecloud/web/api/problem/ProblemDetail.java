package dev.tablecloud.web.api.problem;

import dev.tablecloud.failure.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} is an extension member listing broken rules by
 * field; it is absent when there are none.
 */
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static ProblemDetail of(Response.StatusType status, String title, String detail) {
        return new ProblemDetail("about:blank", title, status.getStatusCode(), detail, null);
    }

    public ProblemDetail withErrors(List<FieldError> fieldErrors) {
        return new ProblemDetail(type, title, status, detail, fieldErrors.isEmpty() ? null : fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
