package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsConnection;
import dev.tablecloud.aws.AwsCredentials;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import dev.tablecloud.plan.RowRef;
import dev.tablecloud.plan.RowState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** How an apply schedules and undoes steps, against a cloud in memory (the adapters have ITs of their own). */
class PlanExecutorTest {

    private final FakeCloud cloud = new FakeCloud();
    private final Map<String, ResourceTable> tables = Map.of(
            "parent", table("parent", Map.of()),
            "child", table("child", Map.of("parent_id", "parent")));
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final AwsSession aws = new AwsSession(new AwsConnection("us-east-1", URI.create("http://127.0.0.1:9"),
            new AwsCredentials.AccessKey("unused", "unused")));
    private final List<PlanStep> steps = new ArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        aws.close();
    }

    private ResourceTable table(String name, Map<String, String> parents) {
        return ResourceTable.regional(name, name + "_id", ResourceTable.columns("name", "text"), parents,
                (session, region) -> cloud.all().stream().filter(r -> r.cloudId().startsWith(name)).toList())
                .writtenBy(CloudWrites.by(cloud).replacedOn("name"));
    }

    private static RowState row(String table, String rowId, String cloudId, Map<String, RowRef> parents) {
        return new RowState(table, rowId, cloudId, "us-east-1", Map.of("name", rowId), parents);
    }

    private PlanStep step(Action action, String table, String rowId, RowState row, CloudResource current,
                          Integer... dependsOn) {
        PlanStep step = new PlanStep(steps.size() + 1, action, table, rowId, rowId, List.of(), row, current,
                Set.of(dependsOn));
        steps.add(step);
        return step;
    }

    private PlanStep create(String table, String rowId, Integer... dependsOn) {
        return step(Action.CREATE, table, rowId, row(table, rowId, null, Map.of()), null, dependsOn);
    }

    private ApplyResult apply(int parallelism, boolean recovering) {
        return new PlanExecutor(parallelism, threads).apply(aws, new Plan(steps), tables, ref -> null, "env", recovering);
    }

    private int eventIndex(String event) {
        assertThat(cloud.events).contains(event);
        return cloud.events.indexOf(event);
    }

    @Test
    void aStepRunsAfterItsParentsWithTheirNewCloudIdsAndTheRowsIdentity() {
        create("parent", "p");
        step(Action.CREATE, "child", "c", row("child", "c", null, Map.of("parent_id", new RowRef("parent", "p"))),
                null, 1);
        cloud.delays.put("p", 50L);

        ApplyResult result = apply(4, false);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.error()).isNull();
        String parentId = result.written(new RowRef("parent", "p")).orElseThrow().cloudId();
        DesiredResource child = cloud.createdFrom.stream().filter(row -> row.rowId().equals("c")).findFirst()
                .orElseThrow();
        assertThat(child.parent("parent_id")).isEqualTo(parentId);
        assertThat(child.identity()).isEqualTo("env/child/c");
        assertThat(eventIndex("end create p")).isLessThan(eventIndex("start create c"));
        assertThat(result.steps()).extracting(StepOutcome::status).containsOnly(StepStatus.DONE);
        assertThat(result.step(2).message()).isEqualTo("created " + result.step(2).after().cloudId());
        assertThat(result.written()).containsOnlyKeys(new RowRef("parent", "p"), new RowRef("child", "c"));
    }

    @Test
    void anEmptyPlanSucceedsWithoutCallingTheCloud() {
        ApplyResult result = apply(4, false);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.steps()).isEmpty();
        assertThat(result.maxParallelSteps()).isZero();
        assertThat(cloud.events).isEmpty();
    }

    @Test
    void noMoreStepsRunAtOnceThanTheBoundHoweverManyThreadsThereAre() {
        for (int i = 0; i < 10; i++) {
            create("parent", "p" + i);
            cloud.delays.put("p" + i, 40L);
        }

        assertThat(apply(1, false).maxParallelSteps()).isEqualTo(1);
        steps.clear();
        for (int i = 0; i < 10; i++) {
            create("parent", "q" + i);
            cloud.delays.put("q" + i, 40L);
        }
        ApplyResult result = apply(3, false);
        assertThat(result.maxParallelSteps()).isBetween(2, 3);
        assertThat(result.wallTime()).isPositive();
    }

    @Test
    void aDeleteWaitsForTheDeletesOfWhatPointsAtIt() {
        CloudResource child = cloud.existing("child-1", Map.of("name", "c"));
        CloudResource parent = cloud.existing("parent-1", Map.of("name", "p"));
        cloud.delays.put("child-1", 80L);
        step(Action.DELETE, "child", "c", null, child);
        step(Action.DELETE, "parent", "p", null, parent, 1);

        ApplyResult result = apply(4, false);

        assertThat(result.succeeded()).isTrue();
        assertThat(eventIndex("end delete child-1")).isLessThan(eventIndex("start delete parent-1"));
        assertThat(cloud.resources).isEmpty();
        assertThat(result.written()).isEmpty();
    }

    @Test
    void aFailureStopsNewStepsLetsRunningOnesEndAndUndoesThem() {
        create("parent", "refused");
        create("parent", "slow");
        create("parent", "later-1");
        create("parent", "later-2");
        create("child", "child-of-slow", 2);
        cloud.refused.add("refused");
        cloud.delays.put("refused", 20L);
        cloud.delays.put("slow", 150L);

        ApplyResult result = apply(2, false);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("Step 1 (create parent refused) failed: CreateThing was refused:"
                + " refused is not allowed");
        assertThat(result.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.FAILED,
                StepStatus.UNDONE, StepStatus.NOT_RUN, StepStatus.NOT_RUN, StepStatus.NOT_RUN);
        assertThat(result.step(3).message()).isEqualTo("not run: step 1 failed");
        assertThat(cloud.events).as("no step started after the failure")
                .noneMatch(event -> event.contains("later") || event.contains("child-of-slow"));
        assertThat(result.undo()).singleElement().satisfies(undo -> {
            assertThat(undo.stepIndex()).isEqualTo(2);
            assertThat(undo.succeeded()).isTrue();
            assertThat(undo.message()).startsWith("deleted parent-").endsWith(" again");
        });
        assertThat(cloud.resources).isEmpty();
        assertThat(result.written()).isEmpty();
    }

    /** What the commit progress is written from: each step as it starts and ends, then each undo. */
    @Test
    void theListenerHearsEachStepStartAndEndThenEachUndoInTheOrderTheyHappen() {
        create("parent", "p");
        create("child", "refused", 1);
        create("child", "never", 2);
        cloud.refused.add("refused");
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ApplyListener listener = new ApplyListener() {
            @Override
            public void stepStarted(int index) {
                heard.add("start " + index);
            }

            @Override
            public void stepEnded(StepOutcome outcome) {
                heard.add("end " + outcome.index() + " " + outcome.status()
                        + (outcome.status() == StepStatus.DONE ? "" : ": " + outcome.message()));
            }

            @Override
            public void undoing() {
                heard.add("undoing");
            }

            @Override
            public void undone(UndoOutcome outcome) {
                heard.add("undone " + outcome.stepIndex() + " " + outcome.succeeded());
            }
        };

        ApplyResult result = new PlanExecutor(4, threads).apply(aws, new Plan(steps), tables, ref -> null, "env",
                false, listener);

        assertThat(result.succeeded()).isFalse();
        assertThat(heard).containsExactly("start 1", "end 1 DONE", "start 2",
                "end 2 FAILED: CreateThing was refused: refused is not allowed",
                "end 3 NOT_RUN: not run: step 2 failed", "undoing", "undone 1 true");
    }

    @Test
    void aListenerThatFailsIsDroppedAndTheApplyGoesOnAsIfUnheard() {
        create("parent", "p1");
        create("parent", "p2", 1);
        List<Integer> started = new ArrayList<>();
        ApplyListener failing = new ApplyListener() {
            @Override
            public void stepStarted(int index) {
                started.add(index);
                throw new IllegalStateException("the progress database is gone");
            }
        };

        ApplyResult result = new PlanExecutor(4, threads).apply(aws, new Plan(steps), tables, ref -> null, "env",
                false, failing);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.steps()).extracting(StepOutcome::status).containsOnly(StepStatus.DONE);
        assertThat(started).as("told no more after it failed").containsExactly(1);
    }

    @Test
    void undoGoesNewestFirstUpdatingBackAndReportingWhatCannotBeUndone() {
        CloudResource updated = cloud.existing("parent-u", Map.of("name", "before"));
        CloudResource deleted = cloud.existing("parent-d", Map.of("name", "d"));
        CloudResource replaced = cloud.existing("parent-r", Map.of("name", "r-before"));
        create("parent", "p");
        step(Action.UPDATE, "parent", "u", new RowState("parent", "u", "parent-u", "us-east-1", Map.of("name", "after"),
                Map.of()), updated);
        step(Action.DELETE, "parent", "d", null, deleted);
        step(Action.REPLACE, "parent", "r", new RowState("parent", "r", "parent-r", "us-east-1",
                Map.of("name", "r-after"), Map.of()), replaced);
        create("child", "c", 1);
        create("child", "refused", 5);
        cloud.refused.add("refused");

        ApplyResult result = apply(1, false);

        assertThat(result.succeeded()).isFalse();
        assertThat(eventIndex("start delete parent-r")).as("a replace deletes first")
                .isLessThan(eventIndex("start create r"));
        assertThat(result.undo()).extracting(UndoOutcome::stepIndex).containsExactly(5, 4, 4, 3, 2, 1);
        assertThat(result.undo()).extracting(UndoOutcome::message).containsExactly(
                "deleted " + result.step(5).after().cloudId() + " again",
                "deleted " + result.step(4).after().cloudId() + " again",
                "cannot be undone: r (parent-r) was deleted",
                "cannot be undone: d (parent-d) was deleted",
                "updated parent-u back to how it was",
                "deleted " + result.step(1).after().cloudId() + " again");
        assertThat(result.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.UNDONE,
                StepStatus.UNDONE, StepStatus.UNDO_FAILED, StepStatus.UNDO_FAILED, StepStatus.UNDONE, StepStatus.FAILED);
        assertThat(cloud.resources.get("parent-u").values()).containsEntry("name", "before");
        assertThat(cloud.resources).containsOnlyKeys("parent-u");
    }

    @Test
    void aCreateThatFailedAfterMakingItsResourceHasItDeleted() {
        create("parent", "half");
        cloud.refusedAfterMaking.add("half");

        ApplyResult result = apply(2, false);

        assertThat(result.error()).contains("AttachThing was refused");
        assertThat(result.undo()).singleElement().satisfies(undo -> {
            assertThat(undo.succeeded()).isTrue();
            assertThat(undo.message()).endsWith(", which the failed create left behind");
        });
        assertThat(cloud.resources).isEmpty();
    }

    @Test
    void recoveringAdoptsWhatAnInterruptedCreateMadeInsteadOfMakingASecond() {
        create("parent", "p");
        String first = apply(2, false).written(new RowRef("parent", "p")).orElseThrow().cloudId();

        ApplyResult recovered = apply(2, true);

        assertThat(recovered.written(new RowRef("parent", "p"))).map(CloudResource::cloudId).contains(first);
        assertThat(recovered.step(1).message()).startsWith("adopted " + first);
        assertThat(cloud.resources).hasSize(1);
        assertThat(apply(2, false).succeeded()).isTrue();
        assertThat(cloud.resources).as("without recovering, a create makes another").hasSize(2);
    }

    @Test
    void aStepOfATableNotGivenFailsNamingTheTable() {
        create("parent", "p");
        create("nowhere", "n");

        ApplyResult result = apply(1, false);

        assertThat(result.error()).contains("Step 2 (create nowhere n) failed").contains("table nowhere");
        assertThat(result.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.UNDONE,
                StepStatus.FAILED);
    }

    @Test
    void aStepWaitingForAStepNotInThePlanNeverRunsAndFailsTheApply() {
        create("parent", "p");
        create("child", "c", 7);

        ApplyResult result = apply(2, false);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("Steps [2] wait for steps that are not in the plan");
        assertThat(result.step(2).status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(result.step(1).status()).isEqualTo(StepStatus.UNDONE);
    }
}
