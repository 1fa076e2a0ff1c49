package dev.tablecloud.security;

import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use cases on users: create, list, grant roles, change passwords, and verify a sign-in. */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    public UserData create(NewUser user) {
        access.require(null, Role.ADMIN, "create users");
        UserRules.check(user);
        if (em.find(AppUser.class, user.name()) != null) {
            throw new AlreadyExistsException("A user named '" + user.name() + "' already exists.");
        }
        em.persist(new AppUser(user.name(), PasswordHash.of(user.password()), Instant.now()));
        em.flush();
        if (user.roles() != null) {
            user.roles().forEach(grant -> addGrant(user.name(), grant));
        }
        return toData(user.name());
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

    /** Users change their own password; admins anyone's. */
    public void changePassword(String userName, String newPassword) {
        if (!access.caller().equals(userName)) {
            access.require(null, Role.ADMIN, "change the password of another user");
        }
        UserRules.checkPassword(newPassword);
        find(userName).changePasswordHash(PasswordHash.of(newPassword));
    }

    /** The user's name if the password is theirs; used by sign-in, before anyone is signed in. */
    public Optional<String> verify(String userName, String password) {
        if (userName == null || password == null) {
            return Optional.empty();
        }
        AppUser user = em.find(AppUser.class, userName);
        return user != null && PasswordHash.matches(password, user.passwordHash())
                ? Optional.of(user.name()) : Optional.empty();
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
