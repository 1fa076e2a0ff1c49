package dev.tablecloud.web.signin;

import dev.tablecloud.signin.SignInResult;
import dev.tablecloud.signin.SignInService;
import dev.tablecloud.token.TokenCheck;
import dev.tablecloud.token.TokenService;
import dev.tablecloud.security.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Objects;

/**
 * Verifies credentials against the control database: a user name and password (through the
 * engine's sign-in limits), or a personal API token. Nothing is remembered here: the engine reads
 * the user's row on every call, so a changed password, a removed user or a revoked token counts at
 * once on every node. Which roles a caller holds the engine decides on each action, so a token
 * carries its owner's roles as they are now.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @EJB
    SignInService signIn;

    @EJB
    TokenService tokens;

    @EJB
    UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return check(credential).result();
    }

    Verdict check(Credential credential) {
        if (credential instanceof BearerTokenCredential bearer) {
            TokenCheck check = tokens.authenticate(bearer.token());
            if (check instanceof TokenCheck.Valid valid) {
                return Verdict.valid(valid.user(), null);
            }
            return Verdict.refused(Refusal.unauthorized(((TokenCheck.Refused) check).reason()));
        }
        if (credential instanceof UsernamePasswordCredential password) {
            String address = password instanceof ClientPasswordCredential client ? client.address() : "unknown";
            SignInResult result = signIn.attempt(password.getCaller(), password.getPasswordAsString(), address);
            if (result instanceof SignInResult.Accepted accepted) {
                return Verdict.valid(accepted.user(), accepted.stamp());
            }
            if (result instanceof SignInResult.Waiting waiting) {
                return Verdict.refused(Refusal.tooManyAttempts(waiting.detail(), waiting.retryAfter()));
            }
            return Verdict.refused(Refusal.unauthorized(Refusal.WRONG_PASSWORD));
        }
        return Verdict.refused(Refusal.unauthorized("Tablecloud takes a user name and password or an API token."));
    }

    /** Whether a session signed in with this stamp still stands: the user exists and has not changed password since. */
    boolean stillValid(String user, String stamp) {
        return users.credentialStamp(user).map(current -> Objects.equals(current, stamp)).orElse(false);
    }
}
