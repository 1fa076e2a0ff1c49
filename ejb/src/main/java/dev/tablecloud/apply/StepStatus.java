package dev.tablecloud.apply;

/** Where a plan step ended. */
public enum StepStatus {
    /** Done, and stands. */
    DONE,
    /** Tried, and refused or broken: the apply's error names the first such step. */
    FAILED,
    /** Never started: the apply stopped before its turn, or a step it depends on did not succeed. */
    NOT_RUN,
    /** Done, then undone after another step failed: the cloud is as it was before it. */
    UNDONE,
    /** Done, and its effect remains after another step failed: its undo failed, or a delete cannot be undone. */
    UNDO_FAILED
}
