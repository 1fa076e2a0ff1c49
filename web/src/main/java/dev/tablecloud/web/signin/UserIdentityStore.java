package dev.tablecloud.web.signin;

import dev.tablecloud.secret.Digests;
import dev.tablecloud.security.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies user name and password against the control database. A password hash costs about a
 * tenth of a second by design, and API clients send Basic credentials with every request, so a
 * successful check is remembered for a minute (by a digest of the credentials, never the password).
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    @EJB
    UserService users;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = credential.getCaller();
        String password = credential.getPasswordAsString();
        String key = digest(name, password);
        Instant until = verified.get(key);
        if (until != null && until.isAfter(Instant.now())) {
            return new CredentialValidationResult(name);
        }
        verified.remove(key);
        return users.verify(name, password)
                .map(user -> {
                    if (verified.size() > 10_000) {
                        verified.clear();
                    }
                    verified.put(key, Instant.now().plus(REMEMBERED));
                    return new CredentialValidationResult(user);
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static String digest(String name, String password) {
        return Digests.sha256Hex(name + "\0" + password);
    }
}
