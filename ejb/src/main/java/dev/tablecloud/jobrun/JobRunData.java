package dev.tablecloud.jobrun;

import java.time.Instant;

/** One run of a job, as the outside sees it. */
public record JobRunData(String jobName, Instant startedAt, Instant finishedAt, JobRunOutcome outcome,
                         String message, String node) {
}
