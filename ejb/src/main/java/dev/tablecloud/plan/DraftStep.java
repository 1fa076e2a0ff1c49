package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A step while the plan is worked out, before it has its place: its dependencies are still added. */
final class DraftStep {

    final Action action;
    final ResourceTable table;
    /** The row the step is for; for a delete, the deleted row's state before the transaction. */
    final RowState row;
    final CloudResource current;
    final List<ColumnChange> changes;
    final String description;
    final Set<DraftStep> dependsOn = new LinkedHashSet<>();

    DraftStep(Action action, ResourceTable table, RowState row, CloudResource current, List<ColumnChange> changes) {
        this.action = action;
        this.table = table;
        this.row = row;
        this.current = current;
        this.changes = changes;
        this.description = Descriptions.of(table, row);
    }

    /** Creates and replaces make a resource whose cloud id other steps wait for. */
    boolean makesResource() {
        return action == Action.CREATE || action == Action.REPLACE;
    }

    /** Deletes and replaces take away a resource that other resources may point at. */
    boolean removesResource() {
        return action == Action.DELETE || action == Action.REPLACE;
    }

    boolean changesColumn(String column) {
        return changes.stream().anyMatch(change -> change.column().equals(column));
    }

    /** Whether {@code other} must finish before this step, directly or through the steps it waits for. */
    boolean waitsFor(DraftStep other) {
        Set<DraftStep> seen = new HashSet<>();
        Deque<DraftStep> toVisit = new ArrayDeque<>(dependsOn);
        while (!toVisit.isEmpty()) {
            DraftStep step = toVisit.pop();
            if (step == other) {
                return true;
            }
            if (seen.add(step)) {
                toVisit.addAll(step.dependsOn);
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return action + " " + table.name() + " " + description;
    }
}
