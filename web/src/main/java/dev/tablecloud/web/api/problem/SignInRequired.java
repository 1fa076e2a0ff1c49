package dev.tablecloud.web.api.problem;

import dev.tablecloud.web.signin.Refusal;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every API call but health needs a signed-in user: without one, 401 with a challenge for HTTP
 * Basic and Bearer tokens and a problem detail that says what was wrong (no credentials, wrong
 * ones, a revoked or expired token); after too many failed sign-ins, 429 with Retry-After.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignInRequired implements ContainerRequestFilter {

    static final String OPEN_PATH = "health";
    static final String NO_CREDENTIALS = "Sign in: send the HTTP Basic credentials of a Tablecloud user"
            + " (Authorization: Basic ...) or a personal API token (Authorization: Bearer tct_...).";

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (context.getSecurityContext().getUserPrincipal() != null
                || context.getUriInfo().getPath().replaceAll("^/+", "").equals(OPEN_PATH)) {
            return;
        }
        context.abortWith(answer(request.getAttribute(Refusal.ATTRIBUTE) instanceof Refusal refusal ? refusal : null,
                Instant.now()));
    }

    static Response answer(Refusal refusal, Instant now) {
        if (refusal != null && refusal.status() == 429) {
            return Response.fromResponse(ProblemDetail.of(Status.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                            refusal.detail()).withErrors(List.of()).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(refusal, now))
                    .build();
        }
        String detail = detail(refusal);
        return Response.fromResponse(ProblemDetail.of(Status.UNAUTHORIZED, "Unauthorized", detail)
                        .withErrors(List.of()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tablecloud\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Tablecloud\"")
                .build();
    }

    static String detail(Refusal refusal) {
        return refusal == null ? NO_CREDENTIALS : refusal.detail();
    }

    /** Whole seconds, rounded up, and at least one: a client that waits that long is not refused for waiting too little. */
    static long retryAfterSeconds(Refusal refusal, Instant now) {
        return Math.max(1, Duration.between(now, refusal.retryAfter()).plusMillis(999).toSeconds());
    }
}
