package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.Half;
import dev.tablecloud.plan.CloudIds;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import dev.tablecloud.plan.RowRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One apply of one plan. The calling thread coordinates: it starts every step whose dependencies
 * succeeded while fewer than the bound run, and takes the workers' reports from a queue, so that
 * all the apply's state is changed by one thread and needs no lock.
 */
final class ApplyRun {

    private static final Logger LOG = Logger.getLogger(ApplyRun.class.getName());

    private final AwsSession aws;
    private final CloudIds cloudIds;
    private final String identityPrefix;
    private final boolean recovering;
    private final int parallelism;
    private final Executor executor;
    private ApplyListener listener;
    private final List<StepRun> runs = new ArrayList<>();
    private final Map<Integer, StepRun> byIndex = new HashMap<>();
    /** The step that makes or changes each row's resource, where its new cloud id comes from. */
    private final Map<RowRef, StepRun> makers = new HashMap<>();
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    /** What the steps changed in the cloud, in the order they finished: undone from the end. */
    private final List<Effect> effects = new ArrayList<>();
    private final ConcurrencyGauge gauge = new ConcurrencyGauge();
    private int running;
    private String error;
    private String stopReason;
    private boolean interrupted;

    ApplyRun(AwsSession aws, Plan plan, Map<String, ResourceTable> tables, CloudIds cloudIds, String identityPrefix,
             boolean recovering, int parallelism, Executor executor, ApplyListener listener) {
        this.aws = aws;
        this.listener = listener;
        this.cloudIds = cloudIds;
        this.identityPrefix = identityPrefix;
        this.recovering = recovering;
        this.parallelism = parallelism;
        this.executor = executor;
        for (PlanStep step : plan.steps()) {
            StepRun run = new StepRun(step, tables.get(step.table()));
            runs.add(run);
            byIndex.put(step.index(), run);
            if (step.action() != Action.DELETE && step.half() != Half.OLD) {
                makers.put(step.ref(), run);
            }
        }
    }

    ApplyResult run() {
        long start = System.nanoTime();
        long callsBefore = aws.calls();
        while (true) {
            if (error == null) {
                launchReady();
            }
            if (running == 0) {
                break;
            }
            accept(nextFinished());
        }
        reportNeverStarted();
        List<UndoOutcome> undo = error == null ? List.of() : undo();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new ApplyResult(error == null, error, runs.stream().map(StepRun::outcome).toList(), undo,
                Duration.ofNanos(System.nanoTime() - start), gauge.most(), aws.calls() - callsBefore);
    }

    /** In plan order, so that with a bound of one the steps run exactly as the plan lists them. */
    private void launchReady() {
        for (StepRun run : runs) {
            if (running >= parallelism) {
                return;
            }
            if (!run.started() && dependenciesSucceeded(run)) {
                launch(run);
            }
        }
    }

    private boolean dependenciesSucceeded(StepRun run) {
        return run.step.dependsOn().stream().allMatch(index -> byIndex.containsKey(index)
                && byIndex.get(index).succeeded());
    }

    private void launch(StepRun run) {
        run.start();
        running++;
        tell(heard -> heard.stepStarted(run.step.index()));
        StepWork work;
        try {
            work = new StepWork(run, desired(run.step), aws, recovering);
        } catch (RuntimeException e) {
            finished.add(Finished.failed(run, List.of(), e));
            return;
        }
        try {
            executor.execute(() -> {
                gauge.enter();
                Finished result;
                try {
                    result = work.perform();
                } finally {
                    gauge.exit();
                }
                finished.add(result);
            });
        } catch (RejectedExecutionException e) {
            finished.add(Finished.failed(run, List.of(), e));
        }
    }

    /**
     * The row as the step must make it, its parents and, for a create, the rows it is made linked to
     * by the cloud ids they have now; null for a delete.
     */
    private DesiredResource desired(PlanStep step) {
        if (step.action() == Action.DELETE || step.half() == Half.OLD) {
            return null;
        }
        Map<String, String> parentCloudIds = new HashMap<>();
        step.row().parents().forEach((column, parent) -> {
            String cloudId = cloudIdOf(parent);
            if (cloudId != null) {
                parentCloudIds.put(column, cloudId);
            }
        });
        Map<String, List<String>> linkedCloudIds = new HashMap<>();
        if (step.makesResource()) {
            step.row().links().forEach((linkTable, linked) -> linkedCloudIds.put(linkTable,
                    linked.stream().map(row -> linkedCloudId(step, linkTable, row)).toList()));
        }
        return new DesiredResource(step.table(), step.rowId(), step.row().cloudId(), step.row().region(),
                step.row().values(), parentCloudIds, identity(step), linkedCloudIds);
    }

    /**
     * The row's identity; for a new resource made while the old one still exists, one of its own: the
     * old resource carries the row's identity, and a create that looks for what it made before (after
     * a crash; an instance looks every time) must not take the old one for it.
     */
    private String identity(PlanStep step) {
        String identity = PlanExecutor.identity(identityPrefix, step.table(), step.rowId());
        return step.half() == Half.NEW_BESIDE_OLD ? identity + "/beside/" + step.current().cloudId() : identity;
    }

    /**
     * Refused rather than left out: a resource made without one of its links would be made with a
     * set the rows do not ask for (an instance given no group at all lands in its VPC's default one).
     */
    private String linkedCloudId(PlanStep step, String linkTable, RowRef linked) {
        String cloudId = cloudIdOf(linked);
        if (cloudId == null) {
            throw new ConflictException(step.table() + " row " + step.rowId() + " is linked by " + linkTable + " to "
                    + linked + ", which has no cloud id: make that row's resource first.");
        }
        return cloudId;
    }

    private String cloudIdOf(RowRef parent) {
        StepRun maker = makers.get(parent);
        CloudResource made = maker == null ? null : maker.after();
        return made != null ? made.cloudId() : cloudIds.of(parent);
    }

    private Finished nextFinished() {
        while (true) {
            try {
                return finished.take();
            } catch (InterruptedException e) {
                // The running steps still change the cloud: wait for them, start nothing new, then undo.
                interrupted = true;
                stop("The apply was interrupted", "the apply was interrupted");
            }
        }
    }

    private void accept(Finished result) {
        running--;
        effects.addAll(result.effects());
        StepRun run = result.run();
        run.finish(result);
        StepOutcome ended = run.outcome();
        tell(heard -> heard.stepEnded(ended));
        if (result.failure() != null) {
            stop("Step " + run.step.index() + " (" + run.step.summary() + ") failed: " + run.message(),
                    "step " + run.step.index() + " failed");
        }
    }

    private void stop(String error, String reason) {
        if (this.error == null) {
            this.error = error;
            this.stopReason = reason;
        }
    }

    /** Steps left waiting: after a stop, or when they wait for steps that are not in the plan. */
    private void reportNeverStarted() {
        List<StepRun> neverStarted = runs.stream().filter(run -> !run.started()).toList();
        if (neverStarted.isEmpty()) {
            return;
        }
        stop("Steps " + neverStarted.stream().map(run -> String.valueOf(run.step.index())).toList()
                + " wait for steps that are not in the plan or that wait for them", "its dependencies never ran");
        neverStarted.forEach(run -> {
            run.notRun("not run: " + stopReason);
            StepOutcome ended = run.outcome();
            tell(heard -> heard.stepEnded(ended));
        });
    }

    /** In reverse order of completion, so that what was made last (children) goes first. */
    private List<UndoOutcome> undo() {
        List<UndoOutcome> outcomes = new ArrayList<>();
        if (!effects.isEmpty()) {
            tell(ApplyListener::undoing);
        }
        for (int i = effects.size() - 1; i >= 0; i--) {
            Effect effect = effects.get(i);
            UndoOutcome outcome;
            try {
                outcome = effect.undo(aws);
            } catch (RuntimeException e) {
                outcome = UndoOutcome.failed(effect.run().step, "could not be undone: " + StepRun.messageOf(e));
            }
            if (outcome != null) {
                outcomes.add(outcome);
                effect.run().undoReported(outcome.succeeded());
                UndoOutcome reported = outcome;
                tell(heard -> heard.undone(reported));
            }
        }
        return outcomes;
    }

    /** A listener that throws is dropped: the apply, not its onlookers, decides what happens. */
    private void tell(Consumer<ApplyListener> event) {
        if (listener == null) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warning("The apply's listener failed and hears no more of it: " + e);
            listener = null;
        }
    }
}
