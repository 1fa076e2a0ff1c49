package dev.tablecloud.jobrun;

import java.time.Instant;

/**
 * One run of a job, as the outside sees it.
 *
 * @param jobName     the kind of job ("scheduled-commit", "stuck-commit-recovery" …)
 * @param environment the environment it worked on, or null for a job over the whole installation
 */
public record JobRunData(String jobName, String environment, Instant startedAt, Instant finishedAt,
                         JobRunOutcome outcome, String message, String node) {

    public JobRunData(String jobName, Instant startedAt, Instant finishedAt, JobRunOutcome outcome, String message,
                      String node) {
        this(jobName, null, startedAt, finishedAt, outcome, message, node);
    }
}
