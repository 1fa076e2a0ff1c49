package dev.tablecloud.jobrun;

public enum JobRunOutcome {
    SUCCEEDED,
    FAILED
}
