package dev.tablecloud.jobrun;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "job_run")
class JobRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(name = "environment_name")
    private String environmentName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobRunOutcome outcome;

    @Column(length = 4000)
    private String message;

    @Column(nullable = false)
    private String node;

    protected JobRun() {
    }

    JobRun(JobRunData data) {
        this.jobName = data.jobName();
        this.environmentName = data.environment();
        this.startedAt = data.startedAt();
        this.finishedAt = data.finishedAt();
        this.outcome = data.outcome();
        this.message = data.message() == null || data.message().length() <= 4000
                ? data.message() : data.message().substring(0, 4000);
        this.node = data.node();
    }

    JobRunData toData() {
        return new JobRunData(jobName, environmentName, startedAt, finishedAt, outcome, message, node);
    }
}
