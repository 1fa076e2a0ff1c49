package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.plan.PlanStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs one step on a worker thread through its table's adapter, and reports what it changed. */
final class StepWork {

    private final StepRun run;
    private final DesiredResource desired;
    private final AwsSession aws;
    private final boolean recovering;
    private final List<Effect> effects = new ArrayList<>();

    /** @param desired the row with its parents' cloud ids resolved; null for a delete */
    StepWork(StepRun run, DesiredResource desired, AwsSession aws, boolean recovering) {
        this.run = run;
        this.desired = desired;
        this.aws = aws;
        this.recovering = recovering;
    }

    /** Never throws: a failure is reported with what the step changed before it. */
    Finished perform() {
        try {
            return switch (run.step.action()) {
                case CREATE -> create();
                case UPDATE -> update();
                case REPLACE -> replace();
                case DELETE -> delete();
            };
        } catch (Throwable failure) {
            return Finished.failed(run, effects, failure);
        }
    }

    /** After a crash a create may already have happened: its resource is adopted, not made twice. */
    private Finished create() {
        CloudWriter writer = run.writer();
        if (recovering) {
            Optional<CloudResource> found = writer.findCreated(aws, desired);
            if (found.isPresent()) {
                effects.add(new Effect.Made(run, found.get()));
                return Finished.done(run, found.get(), "adopted " + found.get().cloudId()
                        + ", made by an interrupted attempt at this commit", effects);
            }
        }
        CloudResource made = make(writer);
        return Finished.done(run, made, "created " + made.cloudId(), effects);
    }

    private Finished update() {
        PlanStep step = run.step;
        CloudResource after;
        try {
            after = run.updater().update(aws, desired, step.current());
        } catch (RuntimeException e) {
            effects.add(new Effect.MaybeChanged(run, step.current(), desired.identity()));
            throw e;
        }
        effects.add(new Effect.Changed(run, step.current(), after, desired.identity()));
        return Finished.done(run, after, "updated " + after.cloudId(), effects);
    }

    /**
     * Whole, delete first: AWS keeps names and blocks unique, so the new resource could not exist
     * beside the old. Split in two (children move with it), each half does its part.
     */
    private Finished replace() {
        switch (run.step.half()) {
            case OLD -> {
                CloudResource old = run.step.current();
                run.writer().delete(aws, old);
                effects.add(new Effect.Removed(run, old));
                return Finished.done(run, null, "deleted the old " + old.cloudId(), effects);
            }
            case NEW_AFTER_OLD, NEW_BESIDE_OLD -> {
                return create();
            }
            default -> {
                // the whole replace, below
            }
        }
        CloudResource old = run.step.current();
        run.writer().delete(aws, old);
        effects.add(new Effect.Removed(run, old));
        CloudResource made = make(run.writer());
        return Finished.done(run, made, "replaced " + old.cloudId() + " by " + made.cloudId(), effects);
    }

    private Finished delete() {
        CloudResource current = run.step.current();
        run.writer().delete(aws, current);
        effects.add(new Effect.Removed(run, current));
        return Finished.done(run, null, "deleted " + current.cloudId(), effects);
    }

    private CloudResource make(CloudWriter writer) {
        CloudResource made;
        try {
            made = writer.create(aws, desired);
        } catch (RuntimeException e) {
            effects.add(new Effect.MaybeMade(run, desired));
            throw e;
        }
        effects.add(new Effect.Made(run, made));
        return made;
    }
}
