package dev.tablecloud.apply;

import dev.tablecloud.plan.PlanStep;

/**
 * One undo after a failed apply: what was undone for which step ("deleted vpc-0abc again"), or why
 * it could not be ("cannot be undone: app was deleted").
 */
public record UndoOutcome(int stepIndex, String table, String rowId, String description, boolean succeeded,
                          String message) {

    static UndoOutcome succeeded(PlanStep step, String message) {
        return new UndoOutcome(step.index(), step.table(), step.rowId(), step.description(), true, message);
    }

    static UndoOutcome failed(PlanStep step, String message) {
        return new UndoOutcome(step.index(), step.table(), step.rowId(), step.description(), false, message);
    }
}
