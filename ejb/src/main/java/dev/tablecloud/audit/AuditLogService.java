package dev.tablecloud.audit;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The audit log of an environment for its viewers: pages filtered and ordered by the database,
 * read as the environment's restricted role.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditLogService {

    /** Past this many entries a count says "or more": enough to scroll, never a scan of a large log. */
    public static final long COUNT_BOUND = 100_000;

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    public List<AuditLogEntry> page(String environment, AuditFilter filter, int offset, int limit) {
        access.require(environment, Role.VIEWER, "see the audit log");
        return read(environment, reader -> reader.page(filter, offset, limit));
    }

    public AuditCount count(String environment, AuditFilter filter) {
        access.require(environment, Role.VIEWER, "see the audit log");
        return read(environment, reader -> reader.count(filter, COUNT_BOUND));
    }

    public List<String> actors(String environment) {
        access.require(environment, Role.VIEWER, "see the audit log");
        return read(environment, AuditLogReader::actors);
    }

    /** The last committed transactions first, for choosing one to export. */
    public List<CommittedTransaction> committedTransactions(String environment, int limit) {
        access.require(environment, Role.VIEWER, "see the audit log");
        return read(environment, reader -> reader.committedTransactions(limit));
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(AuditLogReader reader) throws SQLException;
    }

    private <T> T read(String environment, Read<T> read) {
        try (Connection connection = databases.openAsUser(environment)) {
            connection.setReadOnly(true);
            return read.apply(new AuditLogReader(connection));
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }
}
