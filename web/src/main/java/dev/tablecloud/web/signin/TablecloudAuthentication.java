package dev.tablecloud.web.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * One mechanism for every door. API clients send HTTP Basic credentials or a personal API token
 * ({@code Authorization: Bearer}) with every request; the UI signs in through its form, which calls
 * SecurityContext.authenticate, and the session then remembers the user together with a stamp of
 * their password, checked against the control database on each request: a changed password or a
 * removed user ends every session of theirs at once, on every node.
 * <p>
 * A request whose credentials open nothing goes on unauthenticated, with the {@link Refusal} as a
 * request attribute: the API's {@code SignInRequired} filter answers it with 401 or 429 as problem
 * details, and the UI's navigation guard sends it to the sign-in view. (Answering here would let the
 * container replace the body with an HTML error page.)
 */
@ApplicationScoped
public class TablecloudAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "dev.tablecloud.signin.user";
    static final String SESSION_STAMP = "dev.tablecloud.signin.stamp";

    @Inject
    UserIdentityStore users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential fromForm = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (fromForm instanceof UsernamePasswordCredential credential) {
            Verdict verdict = users.check(new ClientPasswordCredential(credential.getCaller(),
                    credential.getPasswordAsString(), request.getRemoteAddr()));
            if (!verdict.isValid()) {
                request.setAttribute(Refusal.ATTRIBUTE, verdict.refusal());
                return AuthenticationStatus.SEND_FAILURE;
            }
            remember(request, verdict);
            return context.notifyContainerAboutLogin(verdict.result());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Credential credential = fromHeader(authorization, request.getRemoteAddr());
            if (credential != null) {
                Verdict verdict = users.check(credential);
                if (verdict.isValid()) {
                    return context.notifyContainerAboutLogin(verdict.result());
                }
                request.setAttribute(Refusal.ATTRIBUTE, verdict.refusal());
                return context.doNothing();
            }
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                request.setAttribute(Refusal.ATTRIBUTE, Refusal.unauthorized(Refusal.WRONG_PASSWORD));
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            if (users.stillValid(user, (String) session.getAttribute(SESSION_STAMP))) {
                return context.notifyContainerAboutLogin(user, Set.of());
            }
            // The password changed or the user is gone since this session signed in.
            session.invalidate();
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_USER);
            session.removeAttribute(SESSION_STAMP);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** A new session id on sign-in, so that an id known before (session fixation) opens nothing after. */
    private static void remember(HttpServletRequest request, Verdict verdict) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_USER, verdict.result().getCallerPrincipal().getName());
        session.setAttribute(SESSION_STAMP, verdict.stamp());
    }

    /** Basic or Bearer credentials; null for any other scheme or a header that cannot be read. */
    static Credential fromHeader(String authorization, String address) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : new BearerTokenCredential(token);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0 ? null : new ClientPasswordCredential(decoded.substring(0, colon),
                        decoded.substring(colon + 1), address);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}
