package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The step, if any, that makes the cloud equal to one touched row: a create when the cloud does
 * not hold the row's resource, else an update or a replace when the two differ, else none.
 * Rows are decided parents first, so that whether a parent is being made anew is known.
 */
final class TouchedRowSteps {

    private static final String REGION = "region";

    private final PlanInput input;
    /** The steps decided so far, by the row they are for. */
    private final Map<RowRef, DraftStep> decided = new LinkedHashMap<>();

    TouchedRowSteps(PlanInput input) {
        this.input = input;
    }

    List<DraftStep> steps() {
        for (RowState row : input.touchedParentsFirst()) {
            DraftStep step = stepFor(row);
            if (step != null) {
                decided.put(row.ref(), step);
            }
        }
        return List.copyOf(decided.values());
    }

    private DraftStep stepFor(RowState row) {
        ResourceTable table = input.table(row.table());
        CloudResource current = input.cloudResourceOf(row);
        if (current == null) {
            PlanInput.requireWritable(table, row);
            return new DraftStep(Action.CREATE, table, row, null, createdColumns(table, row));
        }
        if (goesWithItsOldParent(table, row, current)) {
            return null;
        }
        List<String> differing = differingColumns(table, row, current);
        if (differing.isEmpty()) {
            return null;
        }
        PlanInput.requireWritable(table, row);
        boolean replace = differing.contains(REGION) || table.needsReplace(differing);
        List<ColumnChange> changes = differing.stream().map(column -> change(table, row, current, column)).toList();
        return new DraftStep(replace ? Action.REPLACE : Action.UPDATE, table, row, current, changes);
    }

    /**
     * What the cloud deletes with its parent and makes with the new one (a VPC's default group and
     * main route table, a zone's SOA and NS) does not move when the parent is made anew: AWS refuses
     * to make a second one (no group may be called {@code default}) and the new parent brings its own,
     * which the sync after the commit reads.
     */
    private boolean goesWithItsOldParent(ResourceTable table, RowState row, CloudResource current) {
        CloudWrites writes = table.writes();
        return writes != null && writes.deletedWith().entrySet().stream().anyMatch(carried ->
                isMadeAnew(row.parents().get(carried.getKey())) && carried.getValue().test(current));
    }

    /**
     * The adapter's equality, plus: a foreign key to a parent the plan makes anew differs (the
     * parent's new cloud id is not known yet, and cannot be the one the resource points at), and a
     * regional resource in another region than its row's must be made again there.
     */
    private List<String> differingColumns(ResourceTable table, RowState row, CloudResource current) {
        Map<String, String> parentCloudIds = new HashMap<>();
        List<String> toNewParents = new ArrayList<>();
        new TreeMap<>(row.parents()).forEach((column, parent) -> {
            if (isMadeAnew(parent)) {
                toNewParents.add(column);
                CloudResource.ParentRef now = current.parents().get(column);
                if (now != null) {
                    parentCloudIds.put(column, now.cloudId());
                }
            } else {
                String cloudId = input.cloudIdOf(parent);
                if (cloudId != null) {
                    parentCloudIds.put(column, cloudId);
                }
            }
        });
        DesiredResource desired = new DesiredResource(row.table(), row.rowId(), row.cloudId(), row.region(),
                row.values(), parentCloudIds, null);
        List<String> differing = new ArrayList<>(table.differingColumns(desired, current));
        toNewParents.stream().filter(column -> !differing.contains(column)).forEach(differing::add);
        if (table.regional() && !table.columns().containsKey(REGION)
                && !Objects.equals(row.region(), current.region())) {
            differing.add(REGION);
        }
        return differing;
    }

    private boolean isMadeAnew(RowRef parent) {
        DraftStep step = decided.get(parent);
        return step != null && step.makesResource();
    }

    private ColumnChange change(ResourceTable table, RowState row, CloudResource current, String column) {
        if (table.parentColumns().containsKey(column)) {
            CloudResource.ParentRef now = current.parents().get(column);
            return new ColumnChange(column, now == null ? null : now.cloudId(), parentShown(row.parents().get(column)));
        }
        if (column.equals(REGION) && !table.columns().containsKey(REGION)) {
            return new ColumnChange(column, current.region(), row.region());
        }
        return new ColumnChange(column, current.values().get(column), row.values().get(column));
    }

    /** What a create sets: every column the row gives a value, and the parents it points at. */
    private List<ColumnChange> createdColumns(ResourceTable table, RowState row) {
        CloudWrites writes = table.writes();
        Set<String> generated = writes == null ? Set.of() : writes.generated();
        List<ColumnChange> changes = new ArrayList<>();
        table.columns().keySet().forEach(column -> {
            Object value = row.values().get(column);
            if (value != null && !generated.contains(column) && !column.equals(table.cloudIdColumn())) {
                changes.add(new ColumnChange(column, null, value));
            }
        });
        new TreeMap<>(row.parents()).forEach((column, parent) -> changes.add(new ColumnChange(column, null, parentShown(parent))));
        return changes;
    }

    /** A parent by its cloud id, or, while the plan has yet to make it, by its row. */
    private Object parentShown(RowRef parent) {
        if (parent == null) {
            return null;
        }
        String cloudId = isMadeAnew(parent) ? null : input.cloudIdOf(parent);
        return cloudId != null ? cloudId : "(new " + parent + ")";
    }
}
