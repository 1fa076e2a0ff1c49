package dev.tablecloud.export;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.mapping.MappingService;
import dev.tablecloud.mapping.ValueMappings;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Exports the users' changes of a transaction as portable SQL (DESIGN §5), read from the audit log. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    MappingService mappings;

    /**
     * @param transactionId null: the open transaction if there is one, else the last committed
     * @param target        the environment the SQL is for, whose value mappings apply; null: none
     */
    public TransactionSql forTransaction(String environment, Long transactionId, String target) {
        access.require(environment, Role.VIEWER, "export SQL");
        String to = blankAsNone(target);
        ValueMappings targetMappings = mappingsOf(to);
        try (Connection engine = databases.openAsEngine(environment)) {
            return new AuditLogExport(engine, environment).transaction(transactionId, to, targetMappings);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /**
     * The users' changes since a moment, of every transaction not rolled back, in audit order (id,
     * never the clock, orders them; the moment only picks where to start).
     */
    public TransactionSql since(String environment, Instant since, String target) {
        access.require(environment, Role.VIEWER, "export SQL");
        String to = blankAsNone(target);
        ValueMappings targetMappings = mappingsOf(to);
        try (Connection engine = databases.openAsEngine(environment)) {
            return new AuditLogExport(engine, environment).since(since, to, targetMappings);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    /**
     * The users' changes of the source's transactions committed after an audit position, for the
     * target (its value mappings): what a promotion replays there.
     */
    public CommittedChanges committedAfter(String environment, long position, String target) {
        access.require(environment, Role.VIEWER, "export SQL");
        try (Connection engine = databases.openAsEngine(environment)) {
            return new AuditLogExport(engine, environment).committedAfter(position, target, mappingsOf(target));
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    private static String blankAsNone(String target) {
        return target == null || target.isEmpty() ? null : target;
    }

    private ValueMappings mappingsOf(String target) {
        return target == null ? ValueMappings.none() : mappings.forTarget(target);
    }
}
