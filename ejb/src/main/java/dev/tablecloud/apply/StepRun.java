package dev.tablecloud.apply;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.PlanStep;

import java.time.Instant;

/**
 * One step during an apply. Changed only by the thread that coordinates the apply; the worker that
 * runs the step reads {@link #step} and the table, which do not change.
 */
final class StepRun {

    final PlanStep step;
    private final ResourceTable table;
    private Instant startedAt;
    private Instant finishedAt;
    private StepStatus status;
    private String message;
    private CloudResource after;
    private boolean undone;
    private boolean undoFailed;

    StepRun(PlanStep step, ResourceTable table) {
        this.step = step;
        this.table = table;
    }

    /** The table's adapter; a step of a table the caller did not give, or that cannot be written, fails. */
    ResourceTable table() {
        if (table == null || table.writes() == null) {
            throw new IllegalArgumentException("Step " + step.index() + " (" + step.summary() + ") is for table "
                    + step.table() + ", which was not given as a table the cloud is written from");
        }
        return table;
    }

    CloudWriter writer() {
        return table().writes().writer();
    }

    /** The in-place update of the step's kind: planned only for kinds that change in place. */
    CloudUpdater updater() {
        return table().writes().updater();
    }

    boolean started() {
        return startedAt != null;
    }

    boolean succeeded() {
        return status == StepStatus.DONE;
    }

    /** The resource a successful create, replace or update left, null before or otherwise. */
    CloudResource after() {
        return succeeded() ? after : null;
    }

    void start() {
        startedAt = Instant.now();
    }

    void finish(Finished finished) {
        finishedAt = Instant.now();
        if (finished.failure() == null) {
            status = StepStatus.DONE;
            message = finished.message();
            after = finished.after();
        } else {
            status = StepStatus.FAILED;
            message = messageOf(finished.failure());
        }
    }

    void notRun(String why) {
        status = StepStatus.NOT_RUN;
        message = why;
    }

    void undoReported(boolean succeeded) {
        if (succeeded) {
            undone = true;
        } else {
            undoFailed = true;
        }
    }

    String message() {
        return message;
    }

    StepOutcome outcome() {
        StepStatus shown = status;
        if (status == StepStatus.DONE && undoFailed) {
            shown = StepStatus.UNDO_FAILED;
        } else if (status == StepStatus.DONE && undone) {
            shown = StepStatus.UNDONE;
        }
        return new StepOutcome(step.index(), step.action(), step.table(), step.rowId(), step.description(), shown,
                message, after, startedAt, finishedAt);
    }

    /** Exceptions of the engine carry a message for people; others at least name their kind. */
    static String messageOf(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
