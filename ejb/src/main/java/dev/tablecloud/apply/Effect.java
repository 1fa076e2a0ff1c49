package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.ResourceTable;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One change a step made in the cloud, and how to take it back when a later failure undoes the
 * commit. Undo is best effort: it never throws, it reports.
 */
interface Effect {

    StepRun run();

    /** The report of the undo, or null when it found nothing to undo. */
    UndoOutcome undo(AwsSession aws);

    /** A resource the step made (a create, the second half of a replace): deleted again. */
    record Made(StepRun run, CloudResource resource) implements Effect {

        @Override
        public UndoOutcome undo(AwsSession aws) {
            try {
                run.writer().delete(aws, resource);
                return UndoOutcome.succeeded(run.step, "deleted " + resource.cloudId() + " again");
            } catch (RuntimeException e) {
                return UndoOutcome.failed(run.step, "could not delete " + resource.cloudId() + " again: "
                        + StepRun.messageOf(e));
            }
        }
    }

    /**
     * A create that failed may have made part of its resource (a gateway made, its attachment
     * refused): what the row's identity finds is deleted. A create step is planned only when the
     * cloud held no resource for the row, so what is found was made by this attempt.
     */
    record MaybeMade(StepRun run, DesiredResource desired) implements Effect {

        @Override
        public UndoOutcome undo(AwsSession aws) {
            Optional<CloudResource> left;
            try {
                left = run.writer().findCreated(aws, desired);
            } catch (RuntimeException e) {
                return UndoOutcome.failed(run.step, "could not look for what the failed create left: "
                        + StepRun.messageOf(e));
            }
            return left.map(resource -> {
                try {
                    run.writer().delete(aws, resource);
                    return UndoOutcome.succeeded(run.step, "deleted " + resource.cloudId()
                            + ", which the failed create left behind");
                } catch (RuntimeException e) {
                    return UndoOutcome.failed(run.step, "could not delete " + resource.cloudId()
                            + ", which the failed create left behind: " + StepRun.messageOf(e));
                }
            }).orElse(null);
        }
    }

    /** An update in place: the resource is updated back to what the cloud held before it. */
    record Changed(StepRun run, CloudResource before, CloudResource after, String identity) implements Effect {

        @Override
        public UndoOutcome undo(AwsSession aws) {
            try {
                run.updater().update(aws, asDesired(run, before, identity), after);
                return UndoOutcome.succeeded(run.step, "updated " + before.cloudId() + " back to how it was");
            } catch (RuntimeException e) {
                return UndoOutcome.failed(run.step, "could not update " + before.cloudId() + " back: "
                        + StepRun.messageOf(e));
            }
        }
    }

    /**
     * An update that failed part-way (tags changed, an attribute refused): the resource is read
     * again, and updated back if it is no longer what it was.
     */
    record MaybeChanged(StepRun run, CloudResource before, String identity) implements Effect {

        @Override
        public UndoOutcome undo(AwsSession aws) {
            try {
                ResourceTable table = run.table();
                DesiredResource previous = asDesired(run, before, identity);
                Optional<CloudResource> now = table.reader().readAll(aws, before.region()).stream()
                        .filter(resource -> resource.cloudId().equals(before.cloudId()))
                        .findFirst();
                if (now.isEmpty() || table.differingColumns(previous, now.get()).isEmpty()) {
                    return null;
                }
                run.updater().update(aws, previous, now.get());
                return UndoOutcome.succeeded(run.step, "updated " + before.cloudId()
                        + " back from what the failed update changed");
            } catch (RuntimeException e) {
                return UndoOutcome.failed(run.step, "could not update " + before.cloudId()
                        + " back from what the failed update changed: " + StepRun.messageOf(e));
            }
        }
    }

    /** A delete (or the first half of a replace): nothing brings a deleted resource back. */
    record Removed(StepRun run, CloudResource resource) implements Effect {

        @Override
        public UndoOutcome undo(AwsSession aws) {
            String named = run.step.description().equals(resource.cloudId()) ? ""
                    : " (" + resource.cloudId() + ")";
            return UndoOutcome.failed(run.step, "cannot be undone: " + run.step.description() + named
                    + " was deleted");
        }
    }

    /** The resource as it was, as a row that asks for it, to update back to. */
    private static DesiredResource asDesired(StepRun run, CloudResource resource, String identity) {
        Map<String, String> parents = new HashMap<>();
        resource.parents().forEach((column, parent) -> parents.put(column, parent.cloudId()));
        return new DesiredResource(run.step.table(), run.step.rowId(), resource.cloudId(), resource.region(),
                resource.values(), parents, identity);
    }
}
