package dev.tablecloud.transaction;

import java.time.Instant;
import java.util.List;

/**
 * How the latest commit attempt of a transaction goes or went, as the server keeps it while the
 * commit runs: every browser session and API caller reads the same.
 *
 * @param attempt   1 for the first try; a failed commit tried again, or recovered, counts up
 * @param recovered this attempt finishes a commit whose server stopped
 * @param total     the plan's steps (0 while the plan is made)
 * @param done      the steps that have ended, whatever their outcome
 * @param running   the steps calling the cloud now
 * @param error     the cloud's refusal (or the review policy's), or null
 * @param syncError the cloud has the changes, but the sync after them failed; the next sync catches up
 * @param steps     every step of the plan, in the plan's order
 * @param undo      after a failure, each undo in the order it was done
 */
public record CommitProgressData(long transactionId, int attempt, State state, boolean recovered, String startedBy,
                                 Instant startedAt, Instant updatedAt, int total, int done, List<Step> running,
                                 String error, String syncError, List<Step> steps, List<Undo> undo) {

    public CommitProgressData {
        steps = List.copyOf(steps);
        undo = List.copyOf(undo);
        running = List.copyOf(running);
    }

    /** Made from what is kept: the counts follow from the steps. */
    public static CommitProgressData of(long transactionId, int attempt, State state, boolean recovered,
                                        String startedBy, Instant startedAt, Instant updatedAt, String error,
                                        String syncError, List<Step> steps, List<Undo> undo) {
        return new CommitProgressData(transactionId, attempt, state, recovered, startedBy, startedAt, updatedAt,
                steps.size(), (int) steps.stream().filter(Step::ended).count(),
                steps.stream().filter(step -> step.status() == StepState.RUNNING).toList(), error, syncError,
                steps, undo);
    }

    /** The commit attempt is over: nothing it shows changes any more. */
    public boolean finished() {
        return state.finished();
    }

    /** Where a commit attempt is. */
    public enum State {
        /** Reading the cloud and making the plan, then the review policy's check. */
        PLANNING,
        /** Steps call the cloud. */
        APPLYING,
        /** A step failed; what this commit changed is being undone. */
        UNDOING,
        /** The cloud has the changes; the tables are being synced from it. */
        SYNCING,
        COMMITTED,
        /** The cloud refused (or the commit broke): undone where it could be, the transaction OPEN again. */
        FAILED,
        /** The review policy refused before anything was applied; the transaction is OPEN again. */
        REFUSED;

        public boolean finished() {
            return this == COMMITTED || this == FAILED || this == REFUSED;
        }
    }

    /** Where one step is: waiting, calling the cloud, or one of the outcomes of {@code apply.StepStatus}. */
    public enum StepState {
        PENDING, RUNNING, DONE, FAILED, NOT_RUN, UNDONE, UNDO_FAILED;

        boolean ended() {
            return this != PENDING && this != RUNNING;
        }
    }

    /**
     * @param rowId       the row's id (the cloud id for a delete of a row that is gone)
     * @param description how people know the resource: its portable key (a Name tag, a name) or cloud id
     * @param message     what was done ("created vpc-0abc") or why not (the cloud's refusal)
     */
    public record Step(int index, String action, String tableName, String rowId, String description,
                       StepState status, String message, Instant startedAt, Instant finishedAt) {

        boolean ended() {
            return status.ended();
        }
    }

    /** One undo: for which step, and what was done ("deleted vpc-0abc again") or why it could not be. */
    public record Undo(int step, boolean succeeded, String message) {
    }
}
