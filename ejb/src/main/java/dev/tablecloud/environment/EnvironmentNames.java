package dev.tablecloud.environment;

import dev.tablecloud.security.KnownEnvironments;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Tells the security feature which environments exist, without it reading this feature's table. */
@Stateless
public class EnvironmentNames implements KnownEnvironments {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @Override
    public boolean exists(String environmentName) {
        return !em.createQuery("select e.id from Environment e where e.name = :name", Long.class)
                .setParameter("name", environmentName)
                .getResultList()
                .isEmpty();
    }
}
