package dev.tablecloud.plan;

import dev.tablecloud.module.ResourceTable;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one IaSQL transaction did to one table.
 *
 * @param touchedRows the current state of the rows users inserted or updated in the transaction and
 *                    that still exist, and of the rows that point at a row the plan makes anew
 *                    ({@link Planner#madeAnew}): they move with it
 * @param deletedRows the state before the transaction of the rows users deleted. A row whose cloud
 *                    id changed without a delete — a link row pointed at another group, a record set
 *                    renamed: their ids are derived from what changed — may be given here too with
 *                    its state before the transaction, so that the resource it stood for is deleted;
 *                    a cloud id that a touched row still holds is never deleted
 */
public record TableChanges(ResourceTable table, List<RowState> touchedRows, List<RowState> deletedRows) {

    public TableChanges {
        touchedRows = List.copyOf(touchedRows);
        deletedRows = List.copyOf(deletedRows);
    }

    /**
     * The cloud ids the rows hold: the only resources of the table that a plan of these changes
     * compares, so the only ones whose attributes AWS reports one resource per call it needs read.
     */
    public Set<String> cloudIds() {
        return Stream.concat(touchedRows.stream(), deletedRows.stream()).map(RowState::cloudId)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
