package dev.tablecloud.web.api.problem;

import dev.tablecloud.web.signin.TablecloudAuthentication;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Every API call but health needs a signed-in user: without one, 401 with a challenge for HTTP
 * Basic and a problem detail that says what was wrong (no credentials, or wrong ones).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignInRequired implements ContainerRequestFilter {

    static final String OPEN_PATH = "health";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (context.getSecurityContext().getUserPrincipal() != null
                || context.getUriInfo().getPath().replaceAll("^/+", "").equals(OPEN_PATH)) {
            return;
        }
        String detail = request.getAttribute(TablecloudAuthentication.WRONG_CREDENTIALS) != null
                ? "The user name or password is wrong."
                : "Sign in: send the HTTP Basic credentials of a Tablecloud user (Authorization: Basic ...).";
        Response problem = ProblemDetail.of(Status.UNAUTHORIZED, "Unauthorized", detail).withErrors(List.of())
                .toResponse();
        context.abortWith(Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tablecloud\", charset=\"UTF-8\"")
                .build());
    }
}
