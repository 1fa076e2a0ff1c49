package dev.tablecloud.environment;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.List;

/** Use cases on environments: create (with its own database), list, find by name. */
@Stateless
public class EnvironmentService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    EnvironmentDatabases databases;

    public EnvironmentData create(EnvironmentData input) {
        EnvironmentData environment = EnvironmentRules.normalize(input);
        if (exists(environment.name())) {
            throw alreadyExists(environment.name());
        }
        Environment stored = new Environment(environment, Instant.now());
        try {
            em.persist(stored);
            em.flush();
        } catch (PersistenceException e) {
            // Two creates raced past the check above; the unique index decided.
            throw alreadyExists(environment.name());
        }
        databases.createFor(stored.id(), environment.name(), environment.awsDefaultRegion(),
                environment.databaseServer());
        return environment;
    }

    public List<EnvironmentData> list() {
        return em.createQuery("select e from Environment e order by e.name", Environment.class)
                .getResultStream()
                .map(Environment::toData)
                .toList();
    }

    public EnvironmentData get(String name) {
        return em.createQuery("select e from Environment e where e.name = :name", Environment.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(Environment::toData)
                .orElseThrow(() -> new NotFoundException("There is no environment named '" + name + "'."));
    }

    private boolean exists(String name) {
        return !em.createQuery("select e.id from Environment e where e.name = :name", Long.class)
                .setParameter("name", name)
                .getResultList()
                .isEmpty();
    }

    private static AlreadyExistsException alreadyExists(String name) {
        return new AlreadyExistsException("An environment named '" + name + "' already exists.");
    }
}
