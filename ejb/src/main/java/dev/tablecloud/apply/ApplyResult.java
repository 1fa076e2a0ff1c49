package dev.tablecloud.apply;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.RowRef;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an apply went.
 *
 * @param error            null on success; else the first failure, naming its step and carrying its
 *                         message (the cloud's refusal)
 * @param steps            every step of the plan, in the plan's order
 * @param undo             after a failure, each undo in the order it was done (reverse completion)
 * @param wallTime         from the apply's start to its end, undo included
 * @param maxParallelSteps the most steps that were running at one moment
 * @param cloudCalls       HTTP requests the apply sent, retries included
 */
public record ApplyResult(boolean succeeded, String error, List<StepOutcome> steps, List<UndoOutcome> undo,
                          Duration wallTime, int maxParallelSteps, long cloudCalls) {

    public ApplyResult {
        steps = List.copyOf(steps);
        undo = List.copyOf(undo);
    }

    /**
     * The resources that creates, replaces and updates left in the cloud, by row: what the caller
     * writes back (cloud ids, generated columns). Empty for steps that were undone.
     */
    public Map<RowRef, CloudResource> written() {
        Map<RowRef, CloudResource> written = new LinkedHashMap<>();
        steps.stream()
                .filter(step -> step.status() == StepStatus.DONE && step.action() != Action.DELETE
                        && step.after() != null)
                .forEach(step -> written.put(step.ref(), step.after()));
        return Collections.unmodifiableMap(written);
    }

    public Optional<CloudResource> written(RowRef row) {
        return Optional.ofNullable(written().get(row));
    }

    /** The outcome of the step of the given index (from 1). */
    public StepOutcome step(int index) {
        return steps.stream().filter(step -> step.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan has no step " + index));
    }
}
