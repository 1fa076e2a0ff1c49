package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One cloud action of a plan.
 *
 * @param index       the step's place in the plan, from 1
 * @param description how people know the resource: its tags' Name, a natural name column, its cloud
 *                    id, or "new &lt;table&gt; row &lt;id&gt;"
 * @param changes     the columns that change, old (cloud) → new (row); for a create, every column the
 *                    row sets; none for a delete
 * @param row         the row the step makes the resource equal to; null for a delete
 * @param current     the resource as the cloud holds it now; null for a create
 * @param dependsOn   indexes of the steps that must have succeeded before this one starts: the
 *                    creates (and replaces) of the rows it points at, and for a create made with its
 *                    links, of the rows they link it to; for a delete or a replace, the steps that
 *                    first remove or move away what points at its resource
 */
public record PlanStep(int index, Action action, String table, String rowId, String description,
                       List<ColumnChange> changes, RowState row, CloudResource current, Set<Integer> dependsOn) {

    public PlanStep {
        changes = List.copyOf(changes);
        dependsOn = Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    public RowRef ref() {
        return new RowRef(table, rowId);
    }

    /** "create vpc app": how messages name the step. */
    public String summary() {
        return action.name().toLowerCase(Locale.ROOT) + " " + table + " " + description;
    }
}
