package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The deletes of a transaction: a deleted row's resource is deleted if the cloud still holds it and
 * no touched row holds it (a row deleted and inserted again with the same cloud id keeps it).
 *
 * @param steps     the deletes to run
 * @param carriedBy resources whose delete is left to the delete of their parent, by {@link #key}: the
 *                  cloud deletes them with it and refuses to delete them alone (a VPC's default group)
 */
record DeletedRowSteps(List<DraftStep> steps, Map<String, DraftStep> carriedBy) {

    static DeletedRowSteps of(PlanInput input) {
        List<DraftStep> deletes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableChanges change : input.changes()) {
            ResourceTable table = change.table();
            for (RowState row : change.deletedRows()) {
                CloudResource current = input.cloudResourceOf(row);
                if (current == null || input.heldByTouchedRow(table.name(), current.cloudId())
                        || !seen.add(key(table.name(), current.cloudId()))) {
                    continue;
                }
                PlanInput.requireWritable(table, row);
                deletes.add(new DraftStep(Action.DELETE, table, row, current, List.of()));
            }
        }
        return leavingOutWhatParentsCarry(deletes);
    }

    private static DeletedRowSteps leavingOutWhatParentsCarry(List<DraftStep> deletes) {
        Map<String, DraftStep> byKey = new HashMap<>();
        deletes.forEach(step -> byKey.put(key(step.table.name(), step.current.cloudId()), step));
        List<DraftStep> steps = new ArrayList<>();
        Map<String, DraftStep> carriedBy = new HashMap<>();
        Map<DraftStep, DraftStep> carriers = new HashMap<>();
        for (DraftStep step : deletes) {
            DraftStep carrier = carrier(step, byKey);
            if (carrier == null) {
                steps.add(step);
            } else {
                carriers.put(step, carrier);
            }
        }
        // What goes with a resource that goes with its own parent goes with that parent (the local
        // route of a VPC's main route table): the delete left in the plan is the one waited for.
        carriers.forEach((step, carrier) -> {
            DraftStep top = carrier;
            for (int depth = 0; carriers.containsKey(top) && depth < carriers.size(); depth++) {
                top = carriers.get(top);
            }
            carriedBy.put(key(step.table.name(), step.current.cloudId()), top);
        });
        return new DeletedRowSteps(steps, carriedBy);
    }

    /** The parent's delete that takes this resource with it, or null. */
    private static DraftStep carrier(DraftStep step, Map<String, DraftStep> byKey) {
        Map<String, Predicate<CloudResource>> deletedWith = step.table.writes().deletedWith();
        for (Map.Entry<String, Predicate<CloudResource>> carried : deletedWith.entrySet()) {
            CloudResource.ParentRef parent = step.current.parents().get(carried.getKey());
            DraftStep parentDelete = parent == null ? null : byKey.get(key(parent.table(), parent.cloudId()));
            if (parentDelete != null && carried.getValue().test(step.current)) {
                return parentDelete;
            }
        }
        return null;
    }

    static String key(String table, String cloudId) {
        return table + "/" + cloudId;
    }
}
