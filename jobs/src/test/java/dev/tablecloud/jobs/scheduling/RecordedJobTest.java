package dev.tablecloud.jobs.scheduling;

import dev.tablecloud.jobrun.JobRunData;
import dev.tablecloud.jobrun.JobRunOutcome;
import dev.tablecloud.jobrun.JobRunService;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedJobTest {

    /** Keeps what would go to the job_run table; the table itself is covered by the integration tests. */
    static class History extends JobRunService {
        final List<JobRunData> runs = new ArrayList<>();

        @Override
        public void record(JobRunData run) {
            runs.add(run);
        }
    }

    static RecordedJob job(String name, Runnable work) {
        return new RecordedJob() {
            @Override
            protected String name() {
                return name;
            }

            @Override
            protected String run(JobExecutionContext context) {
                work.run();
                return "done";
            }
        };
    }

    @Test
    void recordsASuccessfulRunWithItsSummary() throws JobExecutionException {
        History history = new History();
        RecordedJob job = job("sync", () -> { });
        job.jobRuns = history;

        job.execute(null);

        assertThat(history.runs).singleElement().satisfies(run -> {
            assertThat(run.jobName()).isEqualTo("sync");
            assertThat(run.outcome()).isEqualTo(JobRunOutcome.SUCCEEDED);
            assertThat(run.message()).isEqualTo("done");
            assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
            assertThat(run.node()).isNotBlank();
        });
    }

    @Test
    void recordsAndReportsAFailureInsteadOfSwallowingIt() {
        History history = new History();
        RecordedJob job = job("promotion", () -> {
            throw new IllegalStateException("target environment is gone");
        });
        job.jobRuns = history;

        assertThatThrownBy(() -> job.execute(null))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("target environment is gone");
        assertThat(history.runs).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(JobRunOutcome.FAILED);
            assertThat(run.message()).isEqualTo("target environment is gone");
        });
    }
}
