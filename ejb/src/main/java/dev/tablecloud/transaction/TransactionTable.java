package dev.tablecloud.transaction;

import dev.tablecloud.failure.ConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iasql_transaction table of one environment database, through an engine connection in
 * auto-commit: every state change is visible to every server node the moment it is made.
 */
final class TransactionTable {

    private static final String COLUMNS = "id, state, opened_by, opened_at, ended_by, ended_at, error,"
            + " commit_hash, commit_review_id, commit_revision, commit_override";
    /** The users' changes of a transaction in the audit log (not the engine's, not the markers). */
    private static final String USER_CHANGES = "from iasql_audit_log where transaction_id = ? and origin = 'user'"
            + " and change_type in ('INSERT', 'UPDATE', 'DELETE')";
    /** How a changed row is named, in the order plan.Descriptions names resources. */
    private static final String ROW_NAME = TransactionChange.ROW_NAME_SQL;
    /** A commit waits this long for database transactions that are changing rows to end. */
    private static final String CHANGES_LOCK_TIMEOUT = "10s";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection engine;
    private final String environment;

    TransactionTable(Connection engine, String environment) {
        this.engine = engine;
        this.environment = environment;
    }

    /** Opens one; the unique index refuses a second, whichever node the other begin came from. */
    TransactionData open(String actor) throws SQLException {
        try (PreparedStatement insert = engine.prepareStatement(
                "insert into iasql_transaction (state, opened_by) values ('OPEN', ?) returning " + COLUMNS)) {
            insert.setString(1, actor);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                TransactionData opened = read(row);
                marker("BEGIN", opened.id(), actor);
                return opened;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                Optional<TransactionData> winner = notEnded();
                if (winner.isEmpty()) {
                    // Another begin won the race, and its transaction ended before this one could read it.
                    throw new ConflictException("Another transaction was begun in environment '" + environment
                            + "' at the same moment and has ended already: begin again.");
                }
                TransactionData current = winner.get();
                throw new ConflictException("A transaction is already open in environment '" + environment
                        + "': transaction " + current.id() + ", opened by " + current.openedBy() + " at "
                        + current.openedAt() + ". Join it by changing rows, or wait for its commit or rollback.");
            }
            throw e;
        }
    }

    Optional<TransactionData> notEnded() throws SQLException {
        return one("select " + COLUMNS + " from iasql_transaction where state in ('OPEN', 'COMMITTING')", null);
    }

    Optional<TransactionData> find(long id) throws SQLException {
        return one("select " + COLUMNS + " from iasql_transaction where id = ?", id);
    }

    /**
     * OPEN → COMMITTING for the given owner: the cluster-wide lock of a commit or a rollback. Of two
     * concurrent callers the second waits on the row, then finds it no longer OPEN.
     */
    boolean startEnding(long id, String owner) throws SQLException {
        // The audit trigger holds the row (FOR SHARE) while a change is made: this waits for
        // changes under way, so that the plan made next has them all, but not for ever.
        boolean autoCommit = engine.getAutoCommit();
        engine.setAutoCommit(false);
        try (PreparedStatement timeout = engine.prepareStatement("set local lock_timeout = '" + CHANGES_LOCK_TIMEOUT + "'");
             PreparedStatement update = engine.prepareStatement("update iasql_transaction set state = 'COMMITTING',"
                + " commit_owner = ?, commit_heartbeat = clock_timestamp(), error = null"
                + " where id = ? and state = 'OPEN'")) {
            timeout.execute();
            update.setString(1, owner);
            update.setLong(2, id);
            boolean taken = update.executeUpdate() == 1;
            engine.commit();
            return taken;
        } catch (SQLException e) {
            engine.rollback();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new ConflictException("Rows of transaction " + id + " in environment '" + environment
                        + "' are being changed in a database transaction that has not ended for "
                        + CHANGES_LOCK_TIMEOUT + " (a psql session inside BEGIN?): commit or roll back that first.");
            }
            throw e;
        } finally {
            engine.setAutoCommit(autoCommit);
        }
    }

    /** Where the users' changes of the transaction have come to. */
    ChangePosition position(long id) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement("select coalesce(max(id), 0), count(*) " + USER_CHANGES)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new ChangePosition(row.getLong(1), row.getInt(2));
            }
        }
    }

    /** The users' changes after an audit position, in order; at most {@code limit} of them. */
    List<TransactionChange> changesAfter(long id, long after, int limit) throws SQLException {
        return changes("select id, actor, ts, change_type, table_name, " + ROW_NAME
                + " from (select *, coalesce(new, old) as changed " + USER_CHANGES + " and id > ?) changes order by id limit ?",
                id, after, limit);
    }

    /** Each user who changed the transaction, with their first change. */
    List<TransactionChange> firstChangeOfEachAuthor(long id) throws SQLException {
        return changes("select distinct on (actor) id, actor, ts, change_type, table_name, " + ROW_NAME
                + " from (select *, coalesce(new, old) as changed " + USER_CHANGES + ") changes order by actor, id",
                id, null, null);
    }

    private List<TransactionChange> changes(String sql, long id, Long after, Integer limit) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement(sql)) {
            query.setLong(1, id);
            if (after != null) {
                query.setLong(2, after);
                query.setInt(3, limit);
            }
            List<TransactionChange> changes = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    changes.add(new TransactionChange(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(),
                            row.getString(4), row.getString(5), row.getString(6)));
                }
            }
            return changes;
        }
    }

    /** What the commit under way commits: kept with the transaction for everyone to see. */
    void recordCommit(long id, CommitAdmission admission) throws SQLException {
        try (PreparedStatement update = engine.prepareStatement("update iasql_transaction set commit_hash = ?,"
                + " commit_review_id = ?, commit_revision = ?, commit_override = ? where id = ?")) {
            update.setString(1, admission.hash());
            update.setObject(2, admission.reviewId());
            update.setObject(3, admission.revision());
            update.setString(4, admission.override());
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    /** Takes over a COMMITTING transaction whose owner stopped beating; true for exactly one taker. */
    boolean takeOver(long id, String deadOwner, String newOwner) throws SQLException {
        try (PreparedStatement update = engine.prepareStatement("update iasql_transaction set commit_owner = ?,"
                + " commit_heartbeat = clock_timestamp() where id = ? and state = 'COMMITTING' and commit_owner = ?")) {
            update.setString(1, newOwner);
            update.setLong(2, id);
            update.setString(3, deadOwner);
            return update.executeUpdate() == 1;
        }
    }

    void heartbeat(long id, String owner) throws SQLException {
        try (PreparedStatement update = engine.prepareStatement("update iasql_transaction"
                + " set commit_heartbeat = clock_timestamp() where id = ? and commit_owner = ?")) {
            update.setLong(1, id);
            update.setString(2, owner);
            update.executeUpdate();
        }
    }

    /** COMMITTING → COMMITTED or ROLLED_BACK. */
    void end(long id, TransactionState state, String actor) throws SQLException {
        try (PreparedStatement update = engine.prepareStatement("update iasql_transaction set state = ?,"
                + " ended_by = ?, ended_at = clock_timestamp(), commit_owner = null where id = ?")) {
            update.setString(1, state.name());
            update.setString(2, actor);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** COMMITTING → OPEN, keeping the error for everyone to see. */
    void reopen(long id, String error) throws SQLException {
        try (PreparedStatement update = engine.prepareStatement("update iasql_transaction set state = 'OPEN',"
                + " commit_owner = null, commit_heartbeat = null, error = ? where id = ?")) {
            update.setString(1, error);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** A COMMITTING transaction whose owner has not beaten for the given seconds. */
    Optional<StuckCommit> stuck(int silentSeconds) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement("select id, commit_owner from iasql_transaction"
                + " where state = 'COMMITTING' and (commit_heartbeat is null"
                + " or commit_heartbeat < clock_timestamp() - make_interval(secs => ?))")) {
            query.setInt(1, silentSeconds);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new StuckCommit(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    record StuckCommit(long id, String owner) {
    }

    /** A marker in the audit log: who began, committed, rolled back, and what went wrong. */
    void marker(String changeType, long id, String actor) throws SQLException {
        marker(changeType, id, actor, null);
    }

    void marker(String changeType, long id, String actor, String detailJson) throws SQLException {
        try (PreparedStatement insert = engine.prepareStatement("insert into iasql_audit_log"
                + " (actor, origin, change_type, new, transaction_id) values (?, 'user', ?, ?::jsonb, ?)")) {
            insert.setString(1, actor);
            insert.setString(2, changeType);
            insert.setString(3, detailJson);
            insert.setLong(4, id);
            insert.executeUpdate();
        }
    }

    private Optional<TransactionData> one(String sql, Long id) throws SQLException {
        try (PreparedStatement query = engine.prepareStatement(sql)) {
            if (id != null) {
                query.setLong(1, id);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static TransactionData read(ResultSet row) throws SQLException {
        return new TransactionData(row.getLong("id"), TransactionState.valueOf(row.getString("state")),
                row.getString("opened_by"), instant(row.getTimestamp("opened_at")), row.getString("ended_by"),
                instant(row.getTimestamp("ended_at")), row.getString("error"), row.getString("commit_hash"),
                (Long) row.getObject("commit_review_id"), (Integer) row.getObject("commit_revision"),
                row.getString("commit_override"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
