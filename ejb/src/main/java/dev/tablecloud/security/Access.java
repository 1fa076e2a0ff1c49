package dev.tablecloud.security;

import dev.tablecloud.failure.ForbiddenException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.Principal;
import java.util.List;

/**
 * The one check every use case makes before it acts: is the caller signed in, and do they hold a
 * role in this environment (or in all environments) that includes the one the action needs.
 */
@Stateless
public class Access {

    /** The name the container gives a caller who did not sign in. */
    private static final String ANONYMOUS = "anonymous";

    @Resource
    SessionContext context;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    /** The signed-in user's name. */
    public String caller() {
        Principal principal = context.getCallerPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().equals(ANONYMOUS)) {
            throw new ForbiddenException("Sign in first: this needs a Tablecloud user.");
        }
        return principal.getName();
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
