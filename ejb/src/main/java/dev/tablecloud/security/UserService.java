package dev.tablecloud.security;

import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.secret.Digests;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use cases on users: create, list, grant and revoke roles, remove, change passwords, and verify
 * a sign-in. The installation always keeps an admin of every environment ({@link AdminsLeft}).
 */
@Stateless
public class UserService {

    /** Shared by every instance of the pool: what one verified, the next call may reuse. */
    private static final VerifiedPasswords VERIFIED = new VerifiedPasswords();

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    KnownEnvironments environments;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private PasswordHashes hashes;

    @PostConstruct
    void prepareHashes() {
        hashes = new PasswordHashes(pbkdf2);
    }

    public UserData create(NewUser user) {
        access.require(null, Role.ADMIN, "create users");
        UserRules.check(user);
        if (em.find(AppUser.class, user.name()) != null) {
            throw new AlreadyExistsException("A user named '" + user.name() + "' already exists.");
        }
        if (user.roles() != null) {
            user.roles().forEach(this::requireEnvironment);
        }
        em.persist(new AppUser(user.name(), hashes.of(user.password()), Instant.now()));
        em.flush();
        if (user.roles() != null) {
            user.roles().forEach(grant -> addGrant(user.name(), grant));
        }
        return toData(user.name());
    }

    /** Creates the user with a password the server makes up, returned this once and never again. */
    public CreatedUser createWithGeneratedPassword(String name, List<GrantData> roles) {
        String password = NewPasswords.generate();
        return new CreatedUser(create(new NewUser(name, password, roles)), password);
    }

    public List<UserData> list() {
        access.require(null, Role.ADMIN, "list users");
        return em.createQuery("select u.name from AppUser u order by u.name", String.class)
                .getResultStream().map(this::toData).toList();
    }

    /** The signed-in user, with their roles. */
    public UserData me() {
        return toData(access.caller());
    }

    public UserData grant(String userName, GrantData grant) {
        access.require(grant == null ? null : grant.environment(), Role.ADMIN, "grant roles");
        UserRules.checkGrant(grant);
        find(userName);
        requireEnvironment(grant);
        boolean held = !em.createQuery("select g.id from RoleGrant g where g.userName = :user and g.role = :role"
                        + " and coalesce(g.environmentName, '') = :environment", Long.class)
                .setParameter("user", userName)
                .setParameter("role", grant.role())
                .setParameter("environment", grant.environment() == null ? "" : grant.environment())
                .getResultList().isEmpty();
        if (!held) {
            addGrant(userName, grant);
        }
        return toData(userName);
    }

    /**
     * Takes back the role held in that environment (environment null: the role held in every
     * environment, which a grant in one environment does not replace).
     */
    public UserData revoke(String userName, GrantData grant) {
        access.require(grant == null ? null : grant.environment(), Role.ADMIN, "revoke roles");
        UserRules.checkGrant(grant);
        find(userName);
        List<RoleGrant> held = em.createQuery("select g from RoleGrant g where g.userName = :user and g.role = :role"
                        + " and coalesce(g.environmentName, '') = :environment", RoleGrant.class)
                .setParameter("user", userName)
                .setParameter("role", grant.role())
                .setParameter("environment", grant.environment() == null ? "" : grant.environment())
                .getResultList();
        if (held.isEmpty()) {
            throw new NotFoundException(userName + " does not hold the " + grant.role() + " role "
                    + where(grant.environment()) + ".");
        }
        if (grant.environment() == null && Role.ADMIN.label().equals(grant.role())) {
            AdminsLeft.require(everywhereAdminsLocked(), userName,
                    "revoke admin in every environment from " + userName);
        }
        held.forEach(em::remove);
        em.flush();
        return toData(userName);
    }

    /**
     * Removes the user and their roles. What they did stays recorded under their name (audit log,
     * transactions, reviews); a new user of the same name would not inherit their roles.
     */
    public void remove(String userName) {
        String caller = access.require(null, Role.ADMIN, "remove users");
        AppUser user = find(userName);
        if (caller.equals(userName)) {
            throw new ConflictException("You cannot remove yourself (" + userName + "): another admin of every"
                    + " environment can.");
        }
        AdminsLeft.require(everywhereAdminsLocked(), userName, "remove user " + userName);
        em.createQuery("delete from RoleGrant g where g.userName = :user").setParameter("user", userName)
                .executeUpdate();
        em.remove(user);
        em.flush();
    }

    /** Users change their own password; admins anyone's. */
    public void changePassword(String userName, String newPassword) {
        if (!access.caller().equals(userName)) {
            access.require(null, Role.ADMIN, "change the password of another user");
        }
        UserRules.checkPassword(newPassword);
        find(userName).changePasswordHash(hashes.of(newPassword));
    }

    /**
     * The user's name if the password is theirs; used by sign-in, before anyone is signed in. The
     * user's row is read on every call (one primary-key lookup), so a changed password or a removed
     * user counts at once; only the slow hash check is remembered ({@link VerifiedPasswords}).
     */
    public Optional<String> verify(String userName, String password) {
        if (userName == null || password == null) {
            return Optional.empty();
        }
        AppUser user = em.find(AppUser.class, userName);
        if (user == null) {
            return Optional.empty();
        }
        if (VERIFIED.remembers(user.name(), password, user.passwordHash())) {
            return Optional.of(user.name());
        }
        if (!hashes.matches(password, user.passwordHash())) {
            return Optional.empty();
        }
        if (!PasswordHashes.isCurrent(user.passwordHash())) {
            // Stored in an older form or at a lower cost: store it anew now that the password is known.
            user.changePasswordHash(hashes.of(password));
        }
        VERIFIED.remember(user.name(), password, user.passwordHash());
        return Optional.of(user.name());
    }

    /**
     * What a signed-in session remembers of the user's credentials: a digest of the stored password
     * hash, which changes with every password change. Empty for a user who no longer exists.
     */
    public Optional<String> credentialStamp(String userName) {
        if (userName == null) {
            return Optional.empty();
        }
        AppUser user = em.find(AppUser.class, userName);
        return user == null ? Optional.empty() : Optional.of(Digests.sha256Hex(user.passwordHash()));
    }

    /**
     * The admins of every environment, their grants locked until this transaction ends, so that
     * two admins removing each other at once cannot both succeed and leave none.
     */
    private List<String> everywhereAdminsLocked() {
        return em.createQuery("select g from RoleGrant g where g.environmentName is null and g.role = :role",
                        RoleGrant.class)
                .setParameter("role", Role.ADMIN.label())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().map(RoleGrant::userName).toList();
    }

    private void requireEnvironment(GrantData grant) {
        if (grant != null && grant.environment() != null && !environments.exists(grant.environment())) {
            throw new NotFoundException("There is no environment named '" + grant.environment()
                    + "': a role is granted in an environment that exists, or in every environment.");
        }
    }

    private static String where(String environment) {
        return environment == null ? "in every environment" : "in environment '" + environment + "'";
    }

    private void addGrant(String userName, GrantData grant) {
        UserRules.checkGrant(grant);
        em.persist(new RoleGrant(userName, grant.environment(), Role.ofLabel(grant.role())));
    }

    private AppUser find(String userName) {
        AppUser user = em.find(AppUser.class, userName);
        if (user == null) {
            throw new NotFoundException("There is no user named '" + userName + "'.");
        }
        return user;
    }

    private UserData toData(String userName) {
        find(userName);
        List<GrantData> grants = em.createQuery("select g from RoleGrant g where g.userName = :user order by g.id",
                        RoleGrant.class)
                .setParameter("user", userName)
                .getResultStream().map(RoleGrant::toData).toList();
        return new UserData(userName, grants);
    }
}
