package dev.tablecloud.web.api.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures JAX-RS itself raises (unknown path, wrong method, unreadable body) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        String detail = failure instanceof NotFoundException
                ? "There is nothing at this address of the API."
                : failure.getMessage();
        return ProblemDetail.of(status, status.getReasonPhrase(), detail).toResponse();
    }
}
