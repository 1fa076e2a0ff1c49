package dev.tablecloud.security;

import dev.tablecloud.controldb.ControlDatabase;
import dev.tablecloud.controldb.ControlDatabaseReady;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * A new installation has no users, so nobody could sign in to create one: the first admin, named
 * {@code admin}, is created from TABLECLOUD_ADMIN_PASSWORD (config/run writes one to
 * ~/.tablecloud/admin-password). Once any user exists the variable is ignored.
 */
@Singleton
@Startup
@DependsOn("ControlDatabase")
public class FirstAdmin {

    public static final String NAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @EJB
    ControlDatabase controlDatabase;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void createIfDatabaseReady() {
        if (controlDatabase.isReady()) {
            createIfNoUsers();
        }
    }

    public void onControlDatabaseReady(@Observes ControlDatabaseReady event) {
        createIfNoUsers();
    }

    private void createIfNoUsers() {
        if (em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult() > 0) {
            return;
        }
        String password = System.getProperty("tablecloud.admin.password", "");
        if (password.isBlank()) {
            LOG.warning("No Tablecloud user exists and TABLECLOUD_ADMIN_PASSWORD is not set: nobody can sign in."
                    + " Restart with TABLECLOUD_ADMIN_PASSWORD set to create the user 'admin'.");
            return;
        }
        if (password.length() < UserRules.MIN_PASSWORD_LENGTH) {
            LOG.severe("TABLECLOUD_ADMIN_PASSWORD is too short (at least " + UserRules.MIN_PASSWORD_LENGTH
                    + " characters): the first admin was not created.");
            return;
        }
        em.persist(new AppUser(NAME, new PasswordHashes(pbkdf2).of(password), Instant.now()));
        em.flush();
        em.persist(new RoleGrant(NAME, null, Role.ADMIN));
        LOG.info("Created the first admin user '" + NAME + "' (password from TABLECLOUD_ADMIN_PASSWORD).");
    }
}
