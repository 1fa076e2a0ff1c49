package dev.tablecloud.web.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else. A body that is not JSON is the caller's mistake (400); everything else is ours
 * (500): the stack trace goes to the server log under an id, the caller gets the id, not the trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception failure) {
        if (failure instanceof ProcessingException) {
            return ProblemDetail.of(Status.BAD_REQUEST, "Unreadable request",
                    "The request body is not valid JSON for this operation.").toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return ProblemDetail.of(Status.INTERNAL_SERVER_ERROR, "Internal error",
                "Tablecloud failed unexpectedly; the server log has the details under incident " + incident + ".")
                .toResponse();
    }
}
