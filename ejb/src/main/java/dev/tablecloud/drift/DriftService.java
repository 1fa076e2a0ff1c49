package dev.tablecloud.drift;

import dev.tablecloud.audit.ColumnChanges;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.TransactionChange;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Use cases on an environment's drift: its viewers read what drifted and the schedule; its admins set the schedule. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DriftService {

    static final int RUNS_READ = 50;
    static final int MOST_CHANGES = 500;

    @EJB
    DriftLog log;

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    @EJB
    EnvironmentDatabases databases;

    /** The rows the cloud changed by hand, newest first, as the latest syncs that found drift wrote them. */
    public List<DriftChange> changes(String environment, int limit) {
        access.require(environment, Role.VIEWER, "see the drift");
        environments.get(environment);
        List<DriftRun> runs = log.latest(environment, RUNS_READ);
        if (runs.isEmpty()) {
            return List.of();
        }
        StringBuilder ranges = new StringBuilder();
        for (DriftRun run : runs) {
            ranges.append(ranges.isEmpty() ? "" : " or ").append("(id > ? and id <= ?)");
        }
        String sql = "select id, ts, table_name, old::text, new::text, " + TransactionChange.ROW_NAME_SQL
                + " from (select *, coalesce(new, old) as changed from iasql_audit_log where change_type = 'SYNC'"
                + " and transaction_id is null and (" + ranges + ")) drift order by id desc limit ?";
        try (Connection engine = databases.openAsEngine(environment);
             PreparedStatement query = engine.prepareStatement(sql)) {
            int parameter = 1;
            for (DriftRun run : runs) {
                query.setLong(parameter++, run.auditFrom);
                query.setLong(parameter++, run.auditTo);
            }
            query.setInt(parameter, Math.max(1, Math.min(limit, MOST_CHANGES)));
            List<DriftChange> changes = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long position = row.getLong(1);
                    String old = row.getString(4);
                    String now = row.getString(5);
                    String kind = old == null ? DriftChange.APPEARED : now == null ? DriftChange.VANISHED : DriftChange.CHANGED;
                    String foundBy = runs.stream().filter(run -> position > run.auditFrom && position <= run.auditTo)
                            .findFirst().map(run -> run.detectedBy).orElse("");
                    changes.add(new DriftChange(position, row.getTimestamp(2).toInstant(), row.getString(3), kind,
                            row.getString(6), ColumnChanges.between(old, now), foundBy));
                }
            }
            return Collections.unmodifiableList(changes);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }

    public DriftScheduleData schedule(String environment) {
        access.require(environment, Role.VIEWER, "see the drift schedule");
        environments.get(environment);
        return DriftSchedules.of(log.schedule(environment));
    }

    /** @param intervalMinutes how often to sync for drift (0: never), or null for the server's default */
    public DriftScheduleData setSchedule(String environment, Integer intervalMinutes) {
        access.require(environment, Role.ADMIN, "change the drift schedule");
        environments.get(environment);
        if (intervalMinutes != null && (intervalMinutes < 0 || intervalMinutes > DriftSchedules.LONGEST_MINUTES)) {
            throw new InvalidInputException(List.of(new FieldError("intervalMinutes", "Every 1 to "
                    + DriftSchedules.LONGEST_MINUTES + " minutes, 0 for never, or null for the server's default ("
                    + DriftSchedules.serverDefaultMinutes() + "); not " + intervalMinutes + ".")));
        }
        log.keepInterval(environment, intervalMinutes);
        return DriftSchedules.of(log.schedule(environment));
    }
}
