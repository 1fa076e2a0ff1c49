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
 *                    id, or "new &lt;table&gt; row &lt;id&gt;"; for half of a replace, followed by
 *                    "(the old one)" or "(the new one)"
 * @param changes     the columns that change, old (cloud) → new (row); for a create, every column the
 *                    row sets; none for a delete
 * @param row         the row the step makes the resource equal to; null for a delete
 * @param current     the resource as the cloud holds it now; null for a create
 * @param dependsOn   indexes of the steps that must have succeeded before this one starts: the
 *                    creates (and replaces) of the rows it points at, and for a create made with its
 *                    links, of the rows they link it to; for a delete or a replace, the steps that
 *                    first remove or move away what points at its resource
 * @param half        for a replace, whether the step does all of it or, split in two, which half
 *                    ({@link Half}); {@link Half#WHOLE} for every other action
 */
public record PlanStep(int index, Action action, String table, String rowId, String description,
                       List<ColumnChange> changes, RowState row, CloudResource current, Set<Integer> dependsOn,
                       Half half) {

    public PlanStep {
        changes = List.copyOf(changes);
        dependsOn = Collections.unmodifiableSet(new TreeSet<>(dependsOn));
        half = half == null ? Half.WHOLE : half;
    }

    /** A step that is not half of a replace. */
    public PlanStep(int index, Action action, String table, String rowId, String description,
                    List<ColumnChange> changes, RowState row, CloudResource current, Set<Integer> dependsOn) {
        this(index, action, table, rowId, description, changes, row, current, dependsOn, Half.WHOLE);
    }

    /** Whether the step makes a resource for its row: a create, or a replace but for its delete half. */
    public boolean makesResource() {
        return action == Action.CREATE || (action == Action.REPLACE && half.makesNew());
    }

    public RowRef ref() {
        return new RowRef(table, rowId);
    }

    /** "create vpc app", "replace vpc app (the old one)": how messages name the step. */
    public String summary() {
        return action.name().toLowerCase(Locale.ROOT) + " " + table + " " + description;
    }
}
