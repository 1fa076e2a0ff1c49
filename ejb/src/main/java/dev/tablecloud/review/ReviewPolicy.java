package dev.tablecloud.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An environment's review policy row. Only this package touches it. */
@Entity
@Table(name = "review_policy")
class ReviewPolicy {

    @Id
    @Column(name = "environment_name")
    private String environmentName;

    @Column(name = "approvals_required", nullable = false)
    private int approvalsRequired;

    @Column(name = "self_approval", nullable = false)
    private boolean selfApproval;

    @Column(name = "rejection_blocks", nullable = false)
    private boolean rejectionBlocks;

    @Column(name = "approver_role", nullable = false)
    private String approverRole;

    protected ReviewPolicy() {
    }

    ReviewPolicy(String environmentName) {
        this.environmentName = environmentName;
    }

    void set(ReviewPolicyData policy) {
        approvalsRequired = policy.approvalsRequired();
        selfApproval = policy.selfApproval();
        rejectionBlocks = policy.rejectionBlocks();
        approverRole = policy.approverRole();
    }

    ReviewPolicyData toData() {
        return new ReviewPolicyData(approvalsRequired, selfApproval, rejectionBlocks, approverRole);
    }
}
