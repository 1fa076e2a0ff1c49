package dev.tablecloud.web.api.problem;

import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.CloudUnavailableException;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.failure.TablecloudException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** The engine's deliberate failures, each with its HTTP status. */
@Provider
public class TablecloudExceptionMapper implements ExceptionMapper<TablecloudException> {

    @Override
    public Response toResponse(TablecloudException failure) {
        ProblemDetail problem = ProblemDetail.of(statusOf(failure), failure.title(), failure.getMessage());
        if (failure instanceof InvalidInputException invalid) {
            problem = problem.withErrors(invalid.errors());
        } else {
            problem = problem.withErrors(List.of());
        }
        return problem.toResponse();
    }

    static Response.StatusType statusOf(TablecloudException failure) {
        if (failure instanceof InvalidInputException) {
            return Status.BAD_REQUEST;
        }
        if (failure instanceof AlreadyExistsException || failure instanceof ConflictException) {
            return Status.CONFLICT;
        }
        if (failure instanceof ForbiddenException) {
            return Status.FORBIDDEN;
        }
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND;
        }
        if (failure instanceof CloudUnavailableException || failure instanceof CloudRefusedException) {
            return Status.BAD_GATEWAY;
        }
        if (failure instanceof ServerSetupException) {
            return Status.SERVICE_UNAVAILABLE;
        }
        return Status.INTERNAL_SERVER_ERROR;
    }
}
