package dev.tablecloud.sync;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ResourceTable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which resources and rows one sync writes, worked out while it writes, table by table and
 * parents first: what its scope names, and what hangs from a resource made or removed. Such a
 * resource was made or removed with its parent, so its own children are covered too: a new VPC's
 * default security group, and that group's rules.
 */
final class Coverage {

    private final SyncScope scope;
    /** By table, the cloud ids of covered resources whose children are covered too. */
    private final Map<String, Set<String>> carryingResources = new HashMap<>();
    /** By table, the row ids (text) of rows whose children are covered too. */
    private final Map<String, Set<String>> carryingRows = new HashMap<>();

    Coverage(SyncScope scope) {
        this.scope = scope;
    }

    /** Whether the sync writes this resource the cloud holds into its row. */
    boolean covers(ResourceTable table, CloudResource resource) {
        if (scope.isEverything()) {
            return true;
        }
        boolean carried = resource.parents().values().stream().anyMatch(parent -> carryingResources
                .getOrDefault(parent.table(), Set.of()).contains(parent.cloudId()));
        if (carried || scope.makesOrRemoves(table.name(), resource.cloudId())) {
            carryingResources.computeIfAbsent(table.name(), t -> new HashSet<>()).add(resource.cloudId());
        }
        return carried || scope.touches(table.name(), resource.cloudId());
    }

    /**
     * Whether the sync deletes this row, whose resource the cloud no longer holds: its resource was
     * touched, or went with a parent's. Not a resource the apply has just made or changed, which a
     * list may not show yet (EC2's reads are eventually consistent). Called after {@link #covers}
     * saw the table's resources.
     *
     * @param cloudId      the row's cloud id, null if it has none
     * @param parentRowIds foreign key column to the row it points at (text), for the columns set
     */
    boolean coversGone(ResourceTable table, String rowId, String cloudId, Map<String, String> parentRowIds) {
        if (scope.isEverything()) {
            return true;
        }
        boolean carried = parentRowIds.entrySet().stream().anyMatch(parent -> carryingRows
                .getOrDefault(table.parentColumns().get(parent.getKey()), Set.of()).contains(parent.getValue()));
        boolean covered = carried || (cloudId != null && scope.touches(table.name(), cloudId)
                && scope.answered(table.name(), cloudId).isEmpty());
        if (covered) {
            carryingRows.computeIfAbsent(table.name(), t -> new HashSet<>()).add(rowId);
        }
        return covered;
    }

    /** Notes a row whose resource the cloud holds: its children rows are covered if that resource carries them. */
    void rowOf(ResourceTable table, String rowId, String cloudId) {
        if (!scope.isEverything() && carryingResources.getOrDefault(table.name(), Set.of()).contains(cloudId)) {
            carryingRows.computeIfAbsent(table.name(), t -> new HashSet<>()).add(rowId);
        }
    }

    /**
     * The values to write for a covered resource: what the read found, and for the columns it left
     * out (attributes AWS reports one resource per call), what the commit's apply answered.
     */
    Map<String, Object> valuesOf(ResourceTable table, CloudResource resource) {
        Map<String, Object> values = new HashMap<>(resource.values());
        scope.answered(table.name(), resource.cloudId()).ifPresent(answer -> answer.values()
                .forEach((column, value) -> {
                    if (!values.containsKey(column)) {
                        values.put(column, value);
                    }
                }));
        return values;
    }
}
