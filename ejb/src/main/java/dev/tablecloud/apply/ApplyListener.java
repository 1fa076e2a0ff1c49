package dev.tablecloud.apply;

/**
 * Hears an apply as it goes, to show its progress while it runs: each step as it starts and ends,
 * and each undo after a failure. Called on the thread that coordinates the apply, one call at a
 * time, in the order things happen; a listener that fails is told no more and the apply goes on,
 * since showing progress must never change what a commit does.
 */
public interface ApplyListener {

    /** Hears nothing. */
    ApplyListener NONE = new ApplyListener() {
    };

    /** The step has been handed to a worker and is calling the cloud. */
    default void stepStarted(int index) {
    }

    /** The step ended, or will never start: DONE, FAILED or NOT_RUN, with its message. */
    default void stepEnded(StepOutcome outcome) {
    }

    /** A step failed: what the apply changed is about to be undone, newest first. */
    default void undoing() {
    }

    /** One undo is done (or could not be). */
    default void undone(UndoOutcome outcome) {
    }
}
