package dev.tablecloud.environment;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.envdb.EnvironmentDatabaseLocation;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.List;

/** Use cases on environments: create (with its own database), list, find by name, delete. */
@Stateless
public class EnvironmentService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    Access access;

    public EnvironmentData create(EnvironmentData input) {
        access.require(null, Role.ADMIN, "create environments");
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

    /** The environments the caller may see. */
    public List<EnvironmentData> list() {
        String caller = access.caller();
        return em.createQuery("select e from Environment e order by e.name", Environment.class)
                .getResultStream()
                .map(Environment::toData)
                .filter(environment -> access.holds(caller, environment.name(), Role.VIEWER))
                .toList();
    }

    /**
     * The environment, if the caller may see it. One the caller may not see is answered exactly as
     * one that does not exist, so that nobody learns environment names by trying them.
     */
    public EnvironmentData get(String name) {
        String caller = access.caller();
        EnvironmentData environment = find(name);
        if (!access.holds(caller, name, Role.VIEWER)) {
            throw noSuchEnvironment(name);
        }
        return environment;
    }

    /**
     * The environment, for the engine's own work on behalf of a caller already checked, or of a
     * job (recovering a commit). Front doors use {@link #get}, which checks who asks.
     */
    public EnvironmentData lookup(String name) {
        return find(name);
    }

    /** Every environment's name, for jobs that visit them all. */
    public List<String> names() {
        return em.createQuery("select e.name from Environment e order by e.name", String.class).getResultList();
    }

    /**
     * Forgets an environment. Its database (with its tables and audit log) is dropped only when
     * asked; otherwise it stays on its server for whoever wants to look into it. The cloud is never
     * touched: deleting an environment deletes no resource.
     */
    public DeletedEnvironment delete(String name, boolean dropDatabase) {
        EnvironmentData data = find(name);
        access.require(name, Role.ADMIN, "delete environment '" + name + "'");
        EnvironmentDatabaseLocation location = databases.location(name);
        Environment environment = em.createQuery("select e from Environment e where e.name = :name", Environment.class)
                .setParameter("name", name)
                .getSingleResult();
        em.remove(environment);
        em.flush();
        // Last, because it cannot be undone: every other step of the delete has succeeded.
        if (dropDatabase) {
            databases.drop(location, data.databaseServer());
        }
        return new DeletedEnvironment(name, location.databaseName(), dropDatabase);
    }

    private EnvironmentData find(String name) {
        return em.createQuery("select e from Environment e where e.name = :name", Environment.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .map(Environment::toData)
                .orElseThrow(() -> noSuchEnvironment(name));
    }

    private static NotFoundException noSuchEnvironment(String name) {
        return new NotFoundException("There is no environment named '" + name + "'.");
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
