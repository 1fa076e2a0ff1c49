package dev.tablecloud.transaction;

import dev.tablecloud.apply.StepOutcome;
import dev.tablecloud.apply.StepStatus;
import dev.tablecloud.apply.UndoOutcome;
import dev.tablecloud.plan.PlanStep;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
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
 * The commit progress tables of one environment database (V12): one row per transaction for its
 * latest commit attempt, one per plan step. Each write is one statement, for a connection in
 * auto-commit, so readers on other connections see it at once.
 */
final class CommitProgressTable {

    private static final String COLUMNS = "transaction_id, attempt, state, recovered, started_by, started_at,"
            + " updated_at, error, sync_error, undo::text";

    private final Connection connection;

    CommitProgressTable(Connection connection) {
        this.connection = connection;
    }

    /** A new attempt: the earlier one's steps and undo are gone, the attempt counts up. */
    void start(long transactionId, String actor, boolean recovered) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement(
                "delete from iasql_commit_progress_step where transaction_id = ?");
             PreparedStatement upsert = connection.prepareStatement("insert into iasql_commit_progress"
                     + " (transaction_id, state, recovered, started_by) values (?, 'PLANNING', ?, ?)"
                     + " on conflict (transaction_id) do update set attempt = iasql_commit_progress.attempt + 1,"
                     + " state = 'PLANNING', recovered = excluded.recovered, started_by = excluded.started_by,"
                     + " started_at = clock_timestamp(), updated_at = clock_timestamp(), error = null,"
                     + " sync_error = null, undo = '[]'::jsonb")) {
            clear.setLong(1, transactionId);
            clear.executeUpdate();
            upsert.setLong(1, transactionId);
            upsert.setBoolean(2, recovered);
            upsert.setString(3, actor);
            upsert.executeUpdate();
        }
    }

    /** The plan is made and admitted: its steps, all waiting, in one statement however many. */
    void planned(long transactionId, List<PlanStep> steps) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into iasql_commit_progress_step"
                + " (transaction_id, step_index, action, table_name, row_id, description, status)"
                + " select ?, s.i, s.a, s.t, s.r, s.d, 'PENDING'"
                + " from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as s (i, a, t, r, d)")) {
            insert.setLong(1, transactionId);
            insert.setArray(2, connection.createArrayOf("integer", steps.stream().map(PlanStep::index).toArray()));
            insert.setArray(3, connection.createArrayOf("text",
                    steps.stream().map(step -> step.action().name().toLowerCase()).toArray()));
            insert.setArray(4, connection.createArrayOf("text", steps.stream().map(PlanStep::table).toArray()));
            insert.setArray(5, connection.createArrayOf("text", steps.stream().map(PlanStep::rowId).toArray()));
            insert.setArray(6, connection.createArrayOf("text", steps.stream().map(PlanStep::description).toArray()));
            insert.executeUpdate();
        }
        state(transactionId, CommitProgressData.State.APPLYING);
    }

    void stepStarted(long transactionId, int index) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update iasql_commit_progress_step"
                + " set status = 'RUNNING', started_at = clock_timestamp() where transaction_id = ? and step_index = ?")) {
            update.setLong(1, transactionId);
            update.setInt(2, index);
            update.executeUpdate();
        }
        touch(transactionId);
    }

    void stepEnded(long transactionId, StepOutcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update iasql_commit_progress_step"
                + " set status = ?, message = ?, finished_at = case when started_at is null then null"
                + " else coalesce(finished_at, clock_timestamp()) end where transaction_id = ? and step_index = ?")) {
            update.setString(1, stepState(outcome.status()).name());
            update.setString(2, outcome.message());
            update.setLong(3, transactionId);
            update.setInt(4, outcome.index());
            update.executeUpdate();
        }
        touch(transactionId);
    }

    void undone(long transactionId, UndoOutcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update iasql_commit_progress"
                + " set undo = undo || jsonb_build_array(jsonb_build_object('step', ?::int, 'succeeded', ?::boolean,"
                + " 'message', ?::text)), updated_at = clock_timestamp() where transaction_id = ?")) {
            update.setInt(1, outcome.stepIndex());
            update.setBoolean(2, outcome.succeeded());
            update.setString(3, outcome.message());
            update.setLong(4, transactionId);
            update.executeUpdate();
        }
    }

    void state(long transactionId, CommitProgressData.State state) throws SQLException {
        ended(transactionId, state, null, null);
    }

    /** The attempt's state, and its error or sync error when it has one. */
    void ended(long transactionId, CommitProgressData.State state, String error, String syncError)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update iasql_commit_progress set state = ?,"
                + " error = coalesce(?, error), sync_error = coalesce(?, sync_error), updated_at = clock_timestamp()"
                + " where transaction_id = ?")) {
            update.setString(1, state.name());
            update.setString(2, error);
            update.setString(3, syncError);
            update.setLong(4, transactionId);
            update.executeUpdate();
        }
    }

    Optional<CommitProgressData> find(long transactionId) throws SQLException {
        return one("select " + COLUMNS + " from iasql_commit_progress where transaction_id = ?", transactionId);
    }

    /** The attempt begun last in this environment, whichever transaction it was for. */
    Optional<CommitProgressData> latest() throws SQLException {
        return one("select " + COLUMNS + " from iasql_commit_progress order by started_at desc, transaction_id desc"
                + " limit 1", null);
    }

    private void touch(long transactionId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update iasql_commit_progress set updated_at = clock_timestamp() where transaction_id = ?")) {
            update.setLong(1, transactionId);
            update.executeUpdate();
        }
    }

    private Optional<CommitProgressData> one(String sql, Long transactionId) throws SQLException {
        long id;
        int attempt;
        CommitProgressData.State state;
        boolean recovered;
        String startedBy;
        Instant startedAt;
        Instant updatedAt;
        String error;
        String syncError;
        String undo;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (transactionId != null) {
                query.setLong(1, transactionId);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                id = row.getLong(1);
                attempt = row.getInt(2);
                state = CommitProgressData.State.valueOf(row.getString(3));
                recovered = row.getBoolean(4);
                startedBy = row.getString(5);
                startedAt = instant(row.getTimestamp(6));
                updatedAt = instant(row.getTimestamp(7));
                error = row.getString(8);
                syncError = row.getString(9);
                undo = row.getString(10);
            }
        }
        return Optional.of(CommitProgressData.of(id, attempt, state, recovered, startedBy, startedAt, updatedAt,
                error, syncError, steps(id), undo(undo)));
    }

    private List<CommitProgressData.Step> steps(long transactionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select step_index, action, table_name, row_id,"
                + " description, status, message, started_at, finished_at from iasql_commit_progress_step"
                + " where transaction_id = ? order by step_index")) {
            query.setLong(1, transactionId);
            List<CommitProgressData.Step> steps = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    steps.add(new CommitProgressData.Step(row.getInt(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), CommitProgressData.StepState.valueOf(row.getString(6)),
                            row.getString(7), instant(row.getTimestamp(8)), instant(row.getTimestamp(9))));
                }
            }
            return steps;
        }
    }

    private static List<CommitProgressData.Undo> undo(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "[]" : json))) {
            JsonArray array = reader.readArray();
            List<CommitProgressData.Undo> undo = new ArrayList<>();
            for (JsonValue value : array) {
                JsonObject one = value.asJsonObject();
                undo.add(new CommitProgressData.Undo(one.getInt("step"), one.getBoolean("succeeded"),
                        one.getString("message", "")));
            }
            return undo;
        }
    }

    static CommitProgressData.StepState stepState(StepStatus status) {
        return CommitProgressData.StepState.valueOf(status.name());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
