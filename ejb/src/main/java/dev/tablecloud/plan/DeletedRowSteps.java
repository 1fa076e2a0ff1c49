package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The deletes of a transaction: a deleted row's resource is deleted if the cloud still holds it and
 * no touched row holds it (a row deleted and inserted again with the same cloud id keeps it).
 */
final class DeletedRowSteps {

    private DeletedRowSteps() {
    }

    static List<DraftStep> steps(PlanInput input) {
        List<DraftStep> steps = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        for (TableChanges change : input.changes()) {
            ResourceTable table = change.table();
            for (RowState row : change.deletedRows()) {
                CloudResource current = input.cloudResourceOf(row);
                if (current == null || input.heldByTouchedRow(table.name(), current.cloudId())
                        || !deleted.add(table.name() + "/" + current.cloudId())) {
                    continue;
                }
                PlanInput.requireWritable(table, row);
                steps.add(new DraftStep(Action.DELETE, table, row, current, List.of()));
            }
        }
        return steps;
    }
}
