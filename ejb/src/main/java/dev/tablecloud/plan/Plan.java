package dev.tablecloud.plan;

import java.util.List;

/**
 * The steps of a commit in an order that can run one at a time: creates, updates and replaces
 * parents first, then deletes children first. Steps that do not depend on each other may run at
 * the same time (see {@link PlanStep#dependsOn()}).
 */
public record Plan(List<PlanStep> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The step of the given index (from 1). */
    public PlanStep step(int index) {
        return steps.get(index - 1);
    }
}
