package dev.tablecloud.transaction;

/**
 * Under what a commit goes on: the hash of the plan and SQL it commits, the review revision whose
 * approvals let it (both null when the policy needs none), or an admin's override reason.
 */
public record CommitAdmission(String hash, Long reviewId, Integer revision, String override) {
}
