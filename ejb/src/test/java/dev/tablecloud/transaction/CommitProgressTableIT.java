package dev.tablecloud.transaction;

import dev.tablecloud.apply.ApplyResult;
import dev.tablecloud.apply.StepOutcome;
import dev.tablecloud.apply.StepStatus;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import dev.tablecloud.plan.RowState;
import dev.tablecloud.transaction.CommitProgressData.State;
import dev.tablecloud.transaction.CommitProgressData.Step;
import dev.tablecloud.transaction.CommitProgressData.StepState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit progress as V12 keeps it, on a real PostgreSQL: written by a recorder on a connection
 * of its own, read from another connection while the commit is under way, started again by a
 * second attempt, and never a failure of the commit when it cannot be written.
 */
class CommitProgressTableIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement();
             InputStream migration = CommitProgressTableIT.class.getResourceAsStream(
                     "/db/environment/V12__commit_progress.sql")) {
            // V4's table, as far as the progress refers to it
            sql.execute("create table iasql_transaction (id bigserial primary key)");
            sql.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static long newTransaction() throws SQLException {
        try (Connection c = connection(); Statement sql = c.createStatement();
             ResultSet row = sql.executeQuery("insert into iasql_transaction default values returning id")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static CommitProgressData read(long id) throws SQLException {
        try (Connection reader = connection()) {
            return new CommitProgressTable(reader).find(id).orElseThrow();
        }
    }

    private static PlanStep step(int index, String name) {
        return new PlanStep(index, Action.CREATE, "vpc", String.valueOf(index), name, List.of(),
                new RowState("vpc", String.valueOf(index), null, "us-east-1", Map.of(), Map.of()), null, Set.of());
    }

    private static StepOutcome outcome(PlanStep step, StepStatus status, String message) {
        return new StepOutcome(step.index(), step.action(), step.table(), step.rowId(), step.description(), status,
                message, null, Instant.now(), Instant.now());
    }

    @Test
    void anotherConnectionSeesEachStepAsItStartsAndEndsThenTheUndoAndTheCloudsMessage() throws SQLException {
        long id = newTransaction();
        PlanStep vpc = step(1, "app");
        PlanStep subnet = step(2, "10.1.1.0/24");
        try (CommitProgressRecorder recorder = new CommitProgressRecorder(connection(), "dev", id)) {
            recorder.started("alice", false);
            assertThat(read(id).state()).isEqualTo(State.PLANNING);

            recorder.planned(new Plan(List.of(vpc, subnet)));
            recorder.stepStarted(1);
            CommitProgressData midway = read(id);
            assertThat(midway.state()).isEqualTo(State.APPLYING);
            assertThat(midway.total()).isEqualTo(2);
            assertThat(midway.done()).isZero();
            assertThat(midway.running()).extracting(Step::description).containsExactly("app");
            assertThat(midway.steps()).extracting(Step::status).containsExactly(StepState.RUNNING, StepState.PENDING);

            recorder.stepEnded(outcome(vpc, StepStatus.DONE, "created vpc-1"));
            recorder.stepStarted(2);
            recorder.stepEnded(outcome(subnet, StepStatus.FAILED, "The CIDR '10.1.1.0/24' is invalid."));
            recorder.undoing();
            assertThat(read(id).state()).isEqualTo(State.UNDOING);
            recorder.undone(new dev.tablecloud.apply.UndoOutcome(1, "vpc", "1", "app", true, "deleted vpc-1 again"));
            String error = "Step 2 (create subnet 10.1.1.0/24) failed: The CIDR '10.1.1.0/24' is invalid.";
            recorder.applied(new ApplyResult(false, error, List.of(outcome(vpc, StepStatus.UNDONE, "created vpc-1"),
                    outcome(subnet, StepStatus.FAILED, "The CIDR '10.1.1.0/24' is invalid.")), List.of(),
                    Duration.ZERO, 1, 0));
        }

        CommitProgressData failed = read(id);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.finished()).isTrue();
        assertThat(failed.error()).endsWith("The CIDR '10.1.1.0/24' is invalid.");
        assertThat(failed.done()).isEqualTo(2);
        assertThat(failed.steps()).extracting(Step::status).containsExactly(StepState.UNDONE, StepState.FAILED);
        assertThat(failed.steps().get(1).message()).isEqualTo("The CIDR '10.1.1.0/24' is invalid.");
        assertThat(failed.steps().get(0).finishedAt()).isNotNull();
        assertThat(failed.undo()).singleElement().satisfies(undo -> {
            assertThat(undo.step()).isEqualTo(1);
            assertThat(undo.succeeded()).isTrue();
            assertThat(undo.message()).isEqualTo("deleted vpc-1 again");
        });
        assertThat(failed.startedBy()).isEqualTo("alice");
    }

    @Test
    void aSecondAttemptStartsAfreshCountingUpAndIsTheLatest() throws SQLException {
        long id = newTransaction();
        try (CommitProgressRecorder recorder = new CommitProgressRecorder(connection(), "dev", id)) {
            recorder.started("alice", false);
            recorder.planned(new Plan(List.of(step(1, "old"))));
            recorder.ended(State.FAILED, "refused");
        }
        long other = newTransaction();
        try (CommitProgressRecorder recorder = new CommitProgressRecorder(connection(), "dev", id)) {
            recorder.started("engine", true);
            recorder.planned(new Plan(List.of(step(1, "a"), step(2, "b"))));
            recorder.stepEnded(outcome(step(1, "a"), StepStatus.DONE, "created vpc-a"));
            recorder.stepEnded(outcome(step(2, "b"), StepStatus.DONE, "created vpc-b"));
            recorder.applied(new ApplyResult(true, null, List.of(), List.of(), Duration.ZERO, 1, 0));
            assertThat(read(id).state()).isEqualTo(State.SYNCING);
            recorder.committed(null);
        }

        CommitProgressData second = read(id);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.recovered()).isTrue();
        assertThat(second.state()).isEqualTo(State.COMMITTED);
        assertThat(second.error()).isNull();
        assertThat(second.steps()).extracting(Step::description).containsExactly("a", "b");
        assertThat(second.done()).isEqualTo(second.total()).isEqualTo(2);
        try (Connection reader = connection()) {
            assertThat(new CommitProgressTable(reader).find(other)).as("never committed").isEmpty();
            assertThat(new CommitProgressTable(reader).latest()).map(CommitProgressData::transactionId).contains(id);
        }
    }

    @Test
    void aRecorderWhoseConnectionIsGoneRecordsNothingAndThrowsNothing() throws SQLException {
        long id = newTransaction();
        Connection lost = connection();
        lost.close();
        try (CommitProgressRecorder recorder = new CommitProgressRecorder(lost, "dev", id)) {
            recorder.started("alice", false);
            recorder.stepStarted(1);
            recorder.committed(null);
        }
        try (CommitProgressRecorder none = new CommitProgressRecorder(null, "dev", id)) {
            none.started("alice", false);
        }
        try (Connection reader = connection()) {
            assertThat(new CommitProgressTable(reader).find(id)).isEmpty();
        }
    }
}
