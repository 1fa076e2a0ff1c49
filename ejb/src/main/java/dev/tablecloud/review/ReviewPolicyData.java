package dev.tablecloud.review;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment's review policy (DESIGN §6).
 *
 * @param approvalsRequired 0 (a commit needs no review, IaSQL's behaviour) to 5
 * @param selfApproval      whether people may approve a transaction they changed or a review they opened
 * @param rejectionBlocks   whether a rejection of the current revision blocks the commit
 * @param approverRole      {@code reviewer} or {@code admin}: who may approve; admins always may
 */
public record ReviewPolicyData(Integer approvalsRequired, Boolean selfApproval, Boolean rejectionBlocks,
                               String approverRole) {

    static final int MAX_APPROVALS = 5;

    /** With no policy set: no review needed, and the safe choices for when one is. */
    public static final ReviewPolicyData DEFAULT = new ReviewPolicyData(0, false, true, Role.REVIEWER.label());

    /** Fields left out keep their default. */
    ReviewPolicyData withDefaults() {
        return new ReviewPolicyData(approvalsRequired == null ? DEFAULT.approvalsRequired : approvalsRequired,
                selfApproval == null ? DEFAULT.selfApproval : selfApproval,
                rejectionBlocks == null ? DEFAULT.rejectionBlocks : rejectionBlocks,
                approverRole == null ? DEFAULT.approverRole : approverRole);
    }

    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (approvalsRequired != null && (approvalsRequired < 0 || approvalsRequired > MAX_APPROVALS)) {
            errors.add(new FieldError("approvalsRequired", "Give 0 (no review needed) to " + MAX_APPROVALS
                    + " approvals; got " + approvalsRequired + "."));
        }
        if (approverRole != null && !approverRole.equals(Role.REVIEWER.label()) && !approverRole.equals(Role.ADMIN.label())) {
            errors.add(new FieldError("approverRole", "Approvers are reviewers or admins: give 'reviewer' or 'admin';"
                    + " got '" + approverRole + "'."));
        }
        return errors;
    }

    Role approver() {
        return Role.ofLabel(approverRole);
    }
}
