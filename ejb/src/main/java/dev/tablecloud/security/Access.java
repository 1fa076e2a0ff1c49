package dev.tablecloud.security;

import dev.tablecloud.failure.ForbiddenException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one check every use case makes before it acts: is the caller signed in, and do they hold a
 * role in this environment (or in all environments) that includes the one the action needs.
 */
@Stateless
public class Access {

    /** The name the container gives a caller who did not sign in. */
    private static final String ANONYMOUS = "anonymous";
    /** The user a job acts for on this thread (see {@link #onBehalfOf}), or none. */
    private static final ThreadLocal<String> ACTING_FOR = new ThreadLocal<>();

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    /** The signed-in user's name, or the user a job acts for. */
    public String caller() {
        String actingFor = ACTING_FOR.get();
        if (actingFor != null) {
            return actingFor;
        }
        Principal principal = context.getCallerPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().equals(ANONYMOUS)) {
            throw new ForbiddenException("Sign in first: this needs a Tablecloud user.");
        }
        return principal.getName();
    }

    /**
     * Runs the work as if {@code user} had called: every check in it asks for that user's roles, as
     * they are now, and the audit log names them. For the engine's jobs only, which act on a person's
     * request without a signed-in caller (a scheduled commit runs as the one who scheduled it);
     * local EJB calls stay on this thread, so the work sees it throughout.
     */
    public <T> T onBehalfOf(String user, Supplier<T> work) {
        String before = ACTING_FOR.get();
        ACTING_FOR.set(user);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING_FOR.remove();
            } else {
                ACTING_FOR.set(before);
            }
        }
    }

    /**
     * @param environment the environment acted on, or null for actions on the installation itself
     *                    (creating environments, managing users), which need the role everywhere
     * @param action      what the caller tries to do, for the message ("delete environment 'prod'")
     */
    public String require(String environment, Role needed, String action) {
        String user = caller();
        if (!holds(user, environment, needed)) {
            throw new ForbiddenException(user + " may not " + action + ": that needs the " + needed.label()
                    + " role" + (environment == null ? " in every environment" : " in environment '" + environment + "'")
                    + ". An admin can grant it.");
        }
        return user;
    }

    public boolean holds(String user, String environment, Role needed) {
        List<String> roles = em.createQuery("select g.role from RoleGrant g where g.userName = :user"
                        + " and (g.environmentName is null or g.environmentName = :environment)", String.class)
                .setParameter("user", user)
                .setParameter("environment", environment == null ? "" : environment)
                .getResultList();
        return roles.stream().map(Role::ofLabel).anyMatch(role -> role != null && role.includes(needed));
    }
}
