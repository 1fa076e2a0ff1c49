package dev.tablecloud.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the steps in an order that runs one at a time: every step after those it waits for; among
 * the steps free to go, creates, updates and replaces before deletes (and the delete halves of
 * split replaces), those in the order of their tables (parents' tables first), deletes in the
 * reverse order (children's tables first).
 */
final class StepOrder {

    private StepOrder() {
    }

    static Plan of(List<DraftStep> steps, PlanInput input) {
        Comparator<DraftStep> preferred = Comparator
                .comparingInt((DraftStep step) -> removesOnly(step) ? 1 : 0)
                .thenComparingInt(step -> (removesOnly(step) ? -1 : 1) * input.tableOrder(step.table.name()))
                .thenComparingInt(step -> input.rowOrder(step.row.ref()));
        Map<DraftStep, Integer> waitingOn = new HashMap<>();
        Map<DraftStep, List<DraftStep>> waitedOnBy = new HashMap<>();
        PriorityQueue<DraftStep> free = new PriorityQueue<>(preferred);
        for (DraftStep step : steps) {
            waitingOn.put(step, step.dependsOn.size());
            step.dependsOn.forEach(first -> waitedOnBy.computeIfAbsent(first, f -> new ArrayList<>()).add(step));
            if (step.dependsOn.isEmpty()) {
                free.add(step);
            }
        }
        List<DraftStep> ordered = new ArrayList<>();
        while (!free.isEmpty()) {
            DraftStep next = free.poll();
            ordered.add(next);
            for (DraftStep waiting : waitedOnBy.getOrDefault(next, List.of())) {
                if (waitingOn.merge(waiting, -1, Integer::sum) == 0) {
                    free.add(waiting);
                }
            }
        }
        if (ordered.size() < steps.size()) {
            throw new IllegalStateException("These steps wait for each other: " + steps.stream()
                    .filter(step -> !ordered.contains(step)).map(DraftStep::toString)
                    .collect(Collectors.joining("; ")));
        }
        return numbered(ordered);
    }

    /** A delete, or the delete half of a replace. */
    private static boolean removesOnly(DraftStep step) {
        return step.action == Action.DELETE || step.half == Half.OLD;
    }

    private static Plan numbered(List<DraftStep> ordered) {
        Map<DraftStep, Integer> index = new HashMap<>();
        List<PlanStep> steps = new ArrayList<>();
        for (DraftStep step : ordered) {
            index.put(step, index.size() + 1);
            Set<Integer> dependsOn = step.dependsOn.stream().map(index::get).collect(Collectors.toSet());
            boolean delete = step.action == Action.DELETE;
            steps.add(new PlanStep(index.get(step), step.action, step.table.name(), step.row.rowId(),
                    step.description, step.changes, delete ? null : step.row, step.current, dependsOn, step.half));
        }
        return new Plan(steps);
    }
}
