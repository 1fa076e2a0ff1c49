package dev.tablecloud.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Splits the replaces whose children move with them into two steps each, one that deletes the old
 * resource and one that makes the new, so that each half finds its place among the children's:
 * AWS refuses to delete a VPC while subnets are in it, a zone while it holds record sets, a subnet
 * while an instance runs in it; and the children's new resources need the new parent.
 *
 * <p>A replace is split when another step's row points at its row (a child made anew under it, a
 * new child, or one moved to it in place), or when its own parent's replace is split. Each split replace takes one of
 * two orders:
 * <ol>
 * <li><b>new beside old</b>, where AWS lets both exist ({@code CloudWrites#newBesideOld}: VPCs,
 *     hosted zones): 1. the new parent is made; 2. the children are made under it (their old
 *     resources deleted first, each in its own order); 3. the old parent is deleted, once no child
 *     is left in it;</li>
 * <li><b>old first</b>, where the new one would collide with the old (a subnet keeps its block,
 *     which one subnet of a VPC may hold): 1. the old children are deleted; 2. the old parent is
 *     deleted; 3. the new parent is made; 4. the new children are made under it. A child of such a
 *     parent is split old first too, whatever its table allows: its old resource must be gone before
 *     the old parent goes, its new one needs the new parent.</li>
 * </ol>
 * The waits between the halves of different rows come from {@link StepLinks}: a new half waits
 * for its parents' new halves, an old parent's delete for its children's old halves.
 */
final class ReplaceHalves {

    private ReplaceHalves() {
    }

    /** @param steps every step of the plan, touched rows' parents first; the split ones are replaced by halves */
    static List<DraftStep> split(List<DraftStep> steps) {
        Map<RowRef, DraftStep> replaces = new HashMap<>();
        steps.stream().filter(step -> step.action == Action.REPLACE).forEach(step -> replaces.put(step.row.ref(), step));
        if (replaces.isEmpty()) {
            return steps;
        }
        Set<DraftStep> split = new HashSet<>();
        for (DraftStep step : steps) {
            if (step.action == Action.DELETE) {
                continue;
            }
            // The links a parent's create makes (an instance's groups) are made with it, not moved to it.
            List<DraftStep> replacedParents = step.row.parents().values().stream().map(replaces::get)
                    .filter(Objects::nonNull).filter(parent -> parent != step)
                    .filter(parent -> !parent.table.writes().createdWithLinks().containsKey(step.table.name()))
                    .toList();
            if (!replacedParents.isEmpty()) {
                split.addAll(replacedParents);
                if (step.action == Action.REPLACE) {
                    split.add(step);
                }
            }
        }
        if (split.isEmpty()) {
            return steps;
        }
        Map<DraftStep, Boolean> besideOld = new HashMap<>();
        List<DraftStep> halves = new ArrayList<>();
        for (DraftStep step : steps) {
            if (!split.contains(step)) {
                halves.add(step);
                continue;
            }
            boolean beside = step.table.writes().newBesideOld() && step.row.parents().values().stream()
                    .map(replaces::get).filter(split::contains).allMatch(parent -> besideOld.getOrDefault(parent, false));
            besideOld.put(step, beside);
            DraftStep old = step.half(Half.OLD);
            DraftStep made = step.half(beside ? Half.NEW_BESIDE_OLD : Half.NEW_AFTER_OLD);
            if (beside) {
                old.dependsOn.add(made);
                halves.add(made);
                halves.add(old);
            } else {
                made.dependsOn.add(old);
                halves.add(old);
                halves.add(made);
            }
        }
        return halves;
    }
}
