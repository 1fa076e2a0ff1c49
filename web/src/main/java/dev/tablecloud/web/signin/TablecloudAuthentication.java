package dev.tablecloud.web.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One mechanism for both doors. API clients send HTTP Basic credentials with every request; the UI
 * signs in through its form, which calls SecurityContext.authenticate, and the session then
 * remembers the user. A request without valid credentials goes on unauthenticated: the API's
 * {@code SignInRequired} filter answers it with 401 as problem details, and the UI's navigation
 * guard sends it to the sign-in view. (Answering here would let the container replace the body
 * with an HTML error page.)
 */
@AutoApplySession
@ApplicationScoped
public class TablecloudAuthentication implements HttpAuthenticationMechanism {

    /** Set on a request whose credentials were wrong, so that the 401 can say so. */
    public static final String WRONG_CREDENTIALS = "dev.tablecloud.signin.wrong-credentials";

    @Inject
    UserIdentityStore users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential fromForm = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (fromForm instanceof UsernamePasswordCredential credential) {
            CredentialValidationResult result = users.validate(credential);
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : AuthenticationStatus.SEND_FAILURE;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = basic(authorization.substring(6).trim());
            if (credential != null) {
                CredentialValidationResult result = users.validate(credential);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            request.setAttribute(WRONG_CREDENTIALS, Boolean.TRUE);
        }
        return context.doNothing();
    }

    private static UsernamePasswordCredential basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
