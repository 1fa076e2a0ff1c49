package dev.tablecloud.token;

import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Use cases on API tokens. Everyone manages their own; admins of every environment see and revoke
 * anyone's (a leaked token is revoked without waiting for its owner).
 */
@Stateless
public class TokenService {

    /** Last use is written at most this often per token, so a busy script does not write on every call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    /** A new token of the signed-in user; its secret is in the answer and nowhere else. */
    public CreatedToken create(NewToken token) {
        String owner = access.caller();
        Instant now = Instant.now();
        TokenRules.check(token, now);
        String secret = TokenSecret.generate();
        ApiToken row = new ApiToken(owner, token.name().strip(), TokenSecret.hash(secret), TokenSecret.shown(secret),
                now, token.expiresAt());
        em.persist(row);
        em.flush();
        return new CreatedToken(row.toData(now), secret);
    }

    /**
     * The tokens of a user, newest first: the caller's own when {@code user} is null or theirs;
     * another user's, or everyone's ({@code all}), for admins only.
     */
    public List<TokenData> list(String user, boolean all) {
        String caller = access.caller();
        if (all) {
            access.require(null, Role.ADMIN, "list the API tokens of every user");
            return em.createQuery("select t from ApiToken t order by t.createdAt desc, t.id desc", ApiToken.class)
                    .getResultStream().map(row -> row.toData(Instant.now())).toList();
        }
        String owner = user == null || user.isBlank() ? caller : user;
        if (!owner.equals(caller)) {
            access.require(null, Role.ADMIN, "list the API tokens of " + owner);
        }
        return em.createQuery("select t from ApiToken t where t.userName = :user order by t.createdAt desc, t.id desc",
                        ApiToken.class)
                .setParameter("user", owner)
                .getResultStream().map(row -> row.toData(Instant.now())).toList();
    }

    /** Revokes at once, on every node: the next call with the token is refused. Revoking twice is harmless. */
    public TokenData revoke(long id) {
        String caller = access.caller();
        ApiToken row = em.find(ApiToken.class, id);
        if (row == null || !row.userName().equals(caller) && !access.holds(caller, null, Role.ADMIN)) {
            // The same answer for a token that does not exist and one of someone else's: ids are not probed.
            throw new NotFoundException("You have no API token with id " + id + ".");
        }
        Instant now = Instant.now();
        row.revoke(caller, now);
        em.flush();
        return row.toData(now);
    }

    /**
     * Whose token this is, for sign-in (before anyone is signed in). Looked up by its hash. A removed
     * user's tokens are gone with them (the table's foreign key cascades).
     */
    public TokenCheck authenticate(String secret) {
        if (secret == null || !secret.startsWith(TokenSecret.PREFIX)) {
            return new TokenCheck.Refused("This is not a Tablecloud API token (they start with "
                    + TokenSecret.PREFIX + ").");
        }
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
                .setParameter("hash", TokenSecret.hash(secret))
                .getResultList();
        if (found.isEmpty()) {
            return new TokenCheck.Refused("The API token is unknown (or its user was removed).");
        }
        ApiToken row = found.get(0);
        Instant now = Instant.now();
        return switch (row.state(now)) {
            case REVOKED -> new TokenCheck.Refused("The API token was revoked at " + row.revokedAt().truncatedTo(ChronoUnit.SECONDS)
                    + ": create a new one.");
            case EXPIRED -> new TokenCheck.Refused("The API token expired at " + row.expiresAt().truncatedTo(ChronoUnit.SECONDS)
                    + ": create a new one.");
            case ACTIVE -> {
                noteUse(row, now);
                yield new TokenCheck.Valid(row.userName());
            }
        };
    }

    private void noteUse(ApiToken row, Instant now) {
        em.createQuery("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
                        + " and (t.lastUsedAt is null or t.lastUsedAt < :stale)")
                .setParameter("now", now)
                .setParameter("id", row.id())
                .setParameter("stale", now.minus(LAST_USE_PRECISION))
                .executeUpdate();
    }
}
