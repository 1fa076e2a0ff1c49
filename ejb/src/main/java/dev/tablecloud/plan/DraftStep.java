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
    final Half half;
    final Set<DraftStep> dependsOn = new LinkedHashSet<>();

    DraftStep(Action action, ResourceTable table, RowState row, CloudResource current, List<ColumnChange> changes) {
        this(action, table, row, current, changes, Half.WHOLE);
    }

    private DraftStep(Action action, ResourceTable table, RowState row, CloudResource current,
                      List<ColumnChange> changes, Half half) {
        this.action = action;
        this.table = table;
        this.row = row;
        this.current = current;
        this.changes = changes;
        this.half = half;
        String name = Descriptions.of(table, row);
        this.description = switch (half) {
            case WHOLE -> name;
            case OLD -> name + " (the old one)";
            case NEW_AFTER_OLD, NEW_BESIDE_OLD -> name + " (the new one)";
        };
    }

    /** One half of this replace, which the caller splits in two. */
    DraftStep half(Half part) {
        return new DraftStep(action, table, row, current, part == Half.OLD ? List.of() : changes, part);
    }

    /** Creates and replaces (but for their delete half) make a resource whose cloud id other steps wait for. */
    boolean makesResource() {
        return action == Action.CREATE || (action == Action.REPLACE && half.makesNew());
    }

    /** Deletes and replaces (but for their create half) take away a resource that other resources may point at. */
    boolean removesResource() {
        return action == Action.DELETE || (action == Action.REPLACE && half.removesOld());
    }

    /** Makes or changes the row's resource: what waits for the row's parents to be made first. */
    boolean makesOrChanges() {
        return makesResource() || action == Action.UPDATE;
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
