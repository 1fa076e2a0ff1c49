package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what a commit would do to the cloud (DESIGN §4): {@code iasql_preview()} shows it, and
 * {@code iasql_commit()} carries out a fresh one.
 *
 * <p>Only rows the transaction touched make steps. A row nobody touched that differs from the cloud
 * is drift, which the next sync pulls into the tables; reverting it here would undo someone's change
 * in the console. A resource without a row is never deleted unless the transaction deleted its row.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param changes      what the transaction did, one entry per table, tables in dependency order
     *                     (parents first, as {@code ModuleCatalog.tablesInDependencyOrder} lists them)
     * @param cloudByTable the cloud as read now, by table name; needed for every table with changes
     *                     (tables the cloud alone fills, such as aws_regions, are best left out of
     *                     {@code changes}: they never make a step). Only the resources of
     *                     {@link TableChanges#cloudIds()} are compared, so only they need the
     *                     attributes AWS reports one resource per call
     * @param cloudIds     the cloud ids of rows outside the plan that its rows point at
     * @throws dev.tablecloud.failure.InvalidInputException a row of a table the cloud alone fills
     *                                                      would need a step
     */
    /**
     * The rows a plan makes anew (replaces): their children must move with them, so a caller that
     * gave only the rows the transaction touched adds the children's rows and plans again (see
     * {@link #plan}: children's rows given as touched rows are replaced under the new parent).
     */
    public static Set<RowRef> madeAnew(Plan plan) {
        Set<RowRef> rows = new LinkedHashSet<>();
        plan.steps().stream().filter(step -> step.action() == Action.REPLACE).forEach(step -> rows.add(step.ref()));
        return rows;
    }

    public static Plan plan(List<TableChanges> changes, Map<String, List<CloudResource>> cloudByTable,
                            CloudIds cloudIds) {
        PlanInput input = new PlanInput(changes, cloudByTable, cloudIds);
        List<DraftStep> steps = new ArrayList<>(new TouchedRowSteps(input).steps());
        DeletedRowSteps deletes = DeletedRowSteps.of(input);
        steps.addAll(deletes.steps());
        steps = ReplaceHalves.split(steps);
        StepLinks.link(steps, deletes.carriedBy());
        return StepOrder.of(steps, input);
    }
}
