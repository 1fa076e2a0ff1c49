package dev.tablecloud.signin;

import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.security.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Password sign-in with its limits ({@link Limits}), the record of refusals, and unlocking. A
 * successful sign-in costs one indexed read of the counters besides the user's row; the writes
 * happen only on failures.
 */
@Stateless
public class SignInService {

    static final int MOST_REFUSALS_LISTED = 500;
    static final Duration REFUSALS_KEPT = Duration.ofDays(30);
    /** Counters older than this mean nothing any more (every wait and lockout is shorter). */
    static final Duration COUNTERS_KEPT = Duration.ofHours(1);

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    UserService users;

    @EJB
    Access access;

    /**
     * @param address the client's address as the server sees it (behind a proxy, the proxy's: then
     *                the per-address limit covers everyone behind it)
     */
    public SignInResult attempt(String user, String password, String address) {
        Instant now = Instant.now();
        String userKey = userKey(user);
        String addressKey = addressKey(address);
        Map<String, Throttle> counted = read(userKey, addressKey);
        Throttle forUser = counted.get(userKey);
        Throttle forAddress = counted.get(addressKey);
        boolean addressWaits = forAddress != null && forAddress.blocksAt(now);
        if (forUser != null && forUser.blocksAt(now) || addressWaits) {
            Throttle userAfter = count(userKey, Limits.USER, now);
            SignInResult.Waiting waiting = addressWaits && !userAfter.blocksAt(now)
                    ? waiting(forAddress, Limits.ADDRESS, now, "from your address " + address)
                    : waiting(userAfter, Limits.USER, now, "for user " + user);
            record(now, user, address, (addressWaits ? "address" : "user") + " waiting until "
                    + waiting.retryAfter() + ": password not checked");
            return waiting;
        }
        Optional<String> verified = users.verify(user, password);
        if (verified.isPresent()) {
            if (forUser != null) {
                em.createQuery("delete from ThrottleRow t where t.key = :key").setParameter("key", userKey)
                        .executeUpdate();
            }
            return new SignInResult.Accepted(verified.get(), users.credentialStamp(verified.get()).orElseThrow());
        }
        count(userKey, Limits.USER, now);
        count(addressKey, Limits.ADDRESS, now);
        record(now, user, address, users.credentialStamp(user).isPresent() ? "wrong password" : "no such user");
        return new SignInResult.WrongCredentials();
    }

    /** Lets the user try again at once (an admin's call, e.g. after a colleague mistyped ten times). */
    public void unlock(String user) {
        String admin = access.require(null, Role.ADMIN, "unlock users");
        if (users.credentialStamp(user).isEmpty()) {
            throw new NotFoundException("There is no user named '" + user + "'.");
        }
        em.createQuery("delete from ThrottleRow t where t.key = :key").setParameter("key", userKey(user))
                .executeUpdate();
        record(Instant.now(), user, "-", "unlocked by " + admin);
    }

    /** Refused sign-ins, newest first: of one user, or of everyone (user null). */
    public List<RefusalData> refusals(String user, Integer limit) {
        access.require(null, Role.ADMIN, "see refused sign-ins");
        int most = limit == null || limit <= 0 ? 100 : Math.min(limit, MOST_REFUSALS_LISTED);
        String where = user == null || user.isBlank() ? "" : " where r.userName = :user";
        var query = em.createQuery("select r from Refusal r" + where + " order by r.at desc, r.id desc", Refusal.class)
                .setMaxResults(most);
        if (!where.isEmpty()) {
            query.setParameter("user", user);
        }
        return query.getResultStream().map(Refusal::toData).toList();
    }

    private Map<String, Throttle> read(String userKey, String addressKey) {
        return em.createQuery("select t from ThrottleRow t where t.key in :keys", ThrottleRow.class)
                .setParameter("keys", List.of(userKey, addressKey))
                .getResultStream()
                .collect(Collectors.toMap(ThrottleRow::key, ThrottleRow::toThrottle));
    }

    /** One more failure for the key, counted under a row lock so that parallel attempts all count. */
    private Throttle count(String key, Limits limits, Instant now) {
        em.createNativeQuery("insert into sign_in_throttle (key, failures, last_failure_at) values (?1, 0, ?2)"
                        + " on conflict (key) do nothing")
                .setParameter(1, key)
                .setParameter(2, now)
                .executeUpdate();
        ThrottleRow row = em.find(ThrottleRow.class, key);
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        Throttle after = limits.afterFailure(row.toThrottle(), now);
        row.set(after);
        em.createQuery("delete from ThrottleRow t where t.lastFailureAt < :old"
                        + " and (t.blockedUntil is null or t.blockedUntil < :now)")
                .setParameter("old", now.minus(COUNTERS_KEPT))
                .setParameter("now", now)
                .executeUpdate();
        return after;
    }

    private void record(Instant now, String user, String address, String reason) {
        em.persist(new Refusal(now, cut(user == null ? "" : user, 200), cut(address, 64), cut(reason, 200)));
        em.createQuery("delete from Refusal r where r.at < :old").setParameter("old", now.minus(REFUSALS_KEPT))
                .executeUpdate();
    }

    private static SignInResult.Waiting waiting(Throttle throttle, Limits limits, Instant now, String whose) {
        // Shown to the second, rounded up: waiting until then is always enough.
        Instant until = throttle.blockedUntil().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
        String detail = limits.lockedOut(throttle, now)
                ? "Too many failed sign-ins " + whose + ": locked until " + until + " (in " + seconds
                        + " s). Even the right password is refused until then; an admin can unlock sooner."
                : "Too many failed sign-ins " + whose + ": wait " + seconds + " s (until " + until
                        + ") before trying again.";
        return new SignInResult.Waiting(until, detail);
    }

    private static String userKey(String user) {
        return cut("user:" + (user == null ? "" : user), 120);
    }

    private static String addressKey(String address) {
        return cut("address:" + address, 120);
    }

    private static String cut(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most);
    }
}
