package dev.tablecloud.apply;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.RowRef;

import java.time.Instant;

/**
 * How one plan step went.
 *
 * @param message    what was done ("created vpc-0abc"), or why not (the cloud's refusal)
 * @param after      the resource as the cloud reported it after a create, replace or update: its cloud
 *                   id and generated columns, to be written back into the row; null otherwise
 * @param startedAt  when the step started, null if it never did
 * @param finishedAt when it finished, null if it never started
 */
public record StepOutcome(int index, Action action, String table, String rowId, String description,
                          StepStatus status, String message, CloudResource after, Instant startedAt,
                          Instant finishedAt) {

    public RowRef ref() {
        return new RowRef(table, rowId);
    }
}
