package dev.tablecloud.mapping;

import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.AlreadyExistsException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Use cases on an environment's value mappings: read them (viewers), change them (its admins). */
@Stateless
public class MappingService {

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    /** The environment's mappings, in the order they apply. */
    public List<MappingData> list(String environment) {
        environments.get(environment);
        return em.createQuery("select m from ValueMapping m where m.environmentName = :environment order by m.id",
                        ValueMapping.class)
                .setParameter("environment", environment)
                .getResultStream().map(ValueMapping::toData).toList();
    }

    /** The mappings of the environment SQL is exported for, ready to apply; viewers of it may ask. */
    public ValueMappings forTarget(String target) {
        return new ValueMappings(list(target));
    }

    public MappingData add(String environment, MappingData mapping) {
        mayChange(environment);
        MappingRules.check(mapping);
        if (list(environment).stream().anyMatch(kept -> samePlace(kept, mapping))) {
            throw new AlreadyExistsException("Environment '" + environment + "' already maps " + mapping.kind()
                    + " '" + mapping.from() + "'" + place(mapping) + "; delete that mapping first.");
        }
        ValueMapping kept = new ValueMapping(environment, mapping);
        em.persist(kept);
        em.flush();
        return kept.toData();
    }

    /** All of the environment's mappings at once, in this order; nothing changes if one is wrong. */
    public List<MappingData> replace(String environment, List<MappingData> mappings) {
        mayChange(environment);
        List<FieldError> errors = new ArrayList<>();
        List<MappingData> accepted = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            MappingData mapping = mappings.get(i);
            String prefix = "mappings[" + i + "].";
            List<FieldError> own = MappingRules.errors(mapping);
            own.forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            // Only mappings that are whole are compared: one without a kind or a from has no place yet.
            if (!own.isEmpty()) {
                continue;
            }
            if (accepted.stream().anyMatch(earlier -> samePlace(earlier, mapping))) {
                errors.add(new FieldError(prefix + "from", "An earlier mapping already maps '" + mapping.from()
                        + "'" + place(mapping) + "."));
            }
            accepted.add(mapping);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        em.createQuery("delete from ValueMapping m where m.environmentName = :environment")
                .setParameter("environment", environment).executeUpdate();
        List<ValueMapping> kept = mappings.stream().map(mapping -> new ValueMapping(environment, mapping)).toList();
        kept.forEach(em::persist);
        em.flush();
        return kept.stream().map(ValueMapping::toData).toList();
    }

    /** Changes one mapping in place: it keeps its id and its place in the order. */
    public MappingData update(String environment, long id, MappingData mapping) {
        mayChange(environment);
        MappingRules.check(mapping);
        ValueMapping kept = em.createQuery("select m from ValueMapping m where m.environmentName = :environment"
                        + " and m.id = :id", ValueMapping.class)
                .setParameter("environment", environment).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Environment '" + environment + "' has no value mapping "
                        + id + "."));
        if (list(environment).stream().anyMatch(other -> other.id() != id && samePlace(other, mapping))) {
            throw new AlreadyExistsException("Environment '" + environment + "' already maps " + mapping.kind()
                    + " '" + mapping.from() + "'" + place(mapping) + "; delete that mapping first.");
        }
        kept.change(mapping);
        em.flush();
        return kept.toData();
    }

    public void remove(String environment, long id) {
        mayChange(environment);
        int removed = em.createQuery("delete from ValueMapping m where m.environmentName = :environment and m.id = :id")
                .setParameter("environment", environment).setParameter("id", id).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("Environment '" + environment + "' has no value mapping " + id + ".");
        }
    }

    private void mayChange(String environment) {
        environments.lookup(environment);
        access.require(environment, Role.ADMIN, "change the value mappings of environment '" + environment + "'");
    }

    private static boolean samePlace(MappingData one, MappingData other) {
        return one.kind().equals(other.kind()) && one.from().equals(other.from())
                && Objects.equals(one.table(), other.table())
                && Objects.equals(one.column(), other.column());
    }

    private static String place(MappingData mapping) {
        return mapping.column() == null ? (mapping.table() == null ? "" : " in " + mapping.table())
                : " in " + (mapping.table() == null ? "" : mapping.table() + ".") + mapping.column();
    }
}
