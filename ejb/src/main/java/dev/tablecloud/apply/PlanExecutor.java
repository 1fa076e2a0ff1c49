package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.CloudIds;
import dev.tablecloud.plan.Plan;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Carries out plans against the cloud (DESIGN §4): independent steps in parallel, at most
 * {@code parallelism} at a time however many threads the executor has, so that a commit neither
 * runs one call at a time nor floods the account's API rate limits.
 */
public final class PlanExecutor {

    private final int parallelism;
    private final Executor executor;

    public PlanExecutor(int parallelism, Executor executor) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("An apply runs at least one step at a time, not " + parallelism);
        }
        this.parallelism = parallelism;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs the plan's steps, each once all the steps it depends on succeeded. At the first failure no
     * new step starts; once the running ones end, what the apply changed is undone, newest first.
     * Returns once every started step has ended and the undo is done; never throws for a cloud failure.
     *
     * @param tables         the resource tables by name, whose adapters write the steps
     * @param cloudIds       the cloud ids of rows the plan points at but does not change
     * @param identityPrefix what makes the identity of a row unique across environments; a row's identity
     *                       is {@code identityPrefix/table/rowId}, carried by what its create makes
     * @param recovering     this commit was interrupted before: a create first looks for what the
     *                       interrupted attempt made, and adopts it
     */
    public ApplyResult apply(AwsSession aws, Plan plan, Map<String, ResourceTable> tables, CloudIds cloudIds,
                             String identityPrefix, boolean recovering) {
        return apply(aws, plan, tables, cloudIds, identityPrefix, recovering, ApplyListener.NONE);
    }

    /** As above, telling the listener of each step as it starts and ends, and of each undo. */
    public ApplyResult apply(AwsSession aws, Plan plan, Map<String, ResourceTable> tables, CloudIds cloudIds,
                             String identityPrefix, boolean recovering, ApplyListener listener) {
        return new ApplyRun(aws, plan, tables, cloudIds, identityPrefix, recovering, parallelism, executor,
                Objects.requireNonNull(listener, "listener")).run();
    }

    /** The identity of one row in one environment, as creates tag it and findCreated looks for it. */
    public static String identity(String identityPrefix, String table, String rowId) {
        return identityPrefix + "/" + table + "/" + rowId;
    }
}
