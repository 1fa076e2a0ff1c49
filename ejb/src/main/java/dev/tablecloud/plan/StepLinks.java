package dev.tablecloud.plan;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWrites;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each step waits for. Foreign keys give the graph:
 * <ul>
 * <li>a step that makes, changes or replaces a resource waits for the creates and replaces of the
 *     rows it points at (it needs their new cloud ids), and of the rows it names by value (the key
 *     pair an instance is launched with);</li>
 * <li>a create or replace whose resource is made with its links waits for the creates and replaces
 *     of the rows they link it to (the security groups an instance is launched into);</li>
 * <li>a step that deletes or replaces a resource waits until what points at it in the cloud is
 *     deleted, replaced, or moved to another parent by an update: AWS refuses to delete a VPC that
 *     still has subnets.</li>
 * </ul>
 * A new row in the place of a deleted one waits for that delete ({@link PlaceTakers}). A replace
 * whose children move with it comes split in two ({@link ReplaceHalves}): the rules above then order
 * each half on its own — a half that makes waits for its parents' new halves, the half that deletes
 * for what points at the old resource — and the two halves of one row are already ordered.
 */
final class StepLinks {

    private StepLinks() {
    }

    /**
     * @param carriedBy resources deleted by their parent's delete: what points at them is removed
     *                  before that delete, as before their own
     */
    static void link(List<DraftStep> steps, Map<String, DraftStep> carriedBy) {
        Map<RowRef, DraftStep> makers = new HashMap<>();
        Map<RowRef, DraftStep> deletesByRow = new HashMap<>();
        Map<String, DraftStep> removersByCloudId = new HashMap<>(carriedBy);
        for (DraftStep step : steps) {
            if (step.action == Action.DELETE) {
                deletesByRow.put(step.row.ref(), step);
            } else if (step.makesOrChanges()) {
                makers.put(step.row.ref(), step);
            }
            if (step.removesResource()) {
                removersByCloudId.put(DeletedRowSteps.key(step.table.name(), step.current.cloudId()), step);
            }
        }
        steps.stream().filter(DraftStep::makesOrChanges).forEach(step -> {
            waitForParents(step, makers);
            waitForNamedRows(step, steps);
            waitForLinkedRows(step, makers);
        });
        steps.stream().filter(step -> step.current != null)
                .forEach(child -> releaseParentsFirst(child, removersByCloudId));
        steps.stream().filter(step -> step.action == Action.DELETE)
                .forEach(child -> child.row.parents().values().stream()
                        .map(deletesByRow::get)
                        .filter(Objects::nonNull)
                        .forEach(parent -> waitUnlessCycle(parent, child)));
        PlaceTakers.waitForTheRowsTheyReplace(steps);
    }

    private static void waitForParents(DraftStep step, Map<RowRef, DraftStep> makers) {
        step.row.parents().values().stream()
                .map(makers::get)
                .filter(parent -> parent != null && parent != step && parent.makesResource())
                .forEach(step.dependsOn::add);
    }

    private static void waitForNamedRows(DraftStep step, List<DraftStep> steps) {
        CloudWrites writes = step.table.writes();
        if (writes == null) {
            return;
        }
        writes.valueReferences().forEach((column, reference) -> {
            Object name = step.row.values().get(column);
            if (name == null) {
                return;
            }
            steps.stream()
                    .filter(other -> other.makesResource() && other.table.name().equals(reference.table())
                            && Objects.equals(other.row.region(), step.row.region())
                            && name.toString().equals(String.valueOf(other.row.values().get(reference.column()))))
                    .forEach(step.dependsOn::add);
        });
    }

    /** Only a create, or the create half of a replace, makes links with the resource: an update leaves them be. */
    private static void waitForLinkedRows(DraftStep step, Map<RowRef, DraftStep> makers) {
        if (!step.makesResource()) {
            return;
        }
        step.row.links().values().stream()
                .flatMap(List::stream)
                .map(makers::get)
                .filter(linked -> linked != null && linked != step && linked.makesResource())
                .forEach(step.dependsOn::add);
    }

    /** The parents the child's resource points at in the cloud wait for it to let go of them. */
    private static void releaseParentsFirst(DraftStep child, Map<String, DraftStep> removersByCloudId) {
        child.current.parents().forEach((column, parent) -> {
            DraftStep remover = removersByCloudId.get(DeletedRowSteps.key(parent.table(), parent.cloudId()));
            if (remover != null && remover != child && lettingGo(child, column)) {
                waitUnlessCycle(remover, child);
            }
        });
    }

    private static boolean lettingGo(DraftStep child, String column) {
        return child.removesResource() || (child.action == Action.UPDATE && child.changesColumn(column));
    }

    private static void waitUnlessCycle(DraftStep step, DraftStep first) {
        if (!first.waitsFor(step)) {
            step.dependsOn.add(first);
        }
    }
}
