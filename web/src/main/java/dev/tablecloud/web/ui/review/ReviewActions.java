package dev.tablecloud.web.ui.review;

import dev.tablecloud.review.DecisionRefusals;
import dev.tablecloud.review.ReviewData;

/**
 * Which of approve, reject, new revision and commit the user may press on a review page, each with
 * the server's reason when not. The reasons are the engine's: its refusal of a decision, its
 * reasons the transaction may not commit, its refusal of the role an action needs.
 *
 * @param authorRefusal the engine's refusal of the author role (new revision, commit), or null
 */
record ReviewActions(ReviewData review, DecisionRefusals refusals, String authorRefusal) {

    /** Enabled, or disabled with the reason shown beside it. */
    record State(boolean enabled, String reason) {
        static final State ENABLED = new State(true, null);

        static State disabled(String reason) {
            return new State(false, reason);
        }
    }

    State approve() {
        return refusals.mayApprove() ? State.ENABLED : State.disabled(refusals.approve());
    }

    State reject() {
        return refusals.mayReject() ? State.ENABLED : State.disabled(refusals.reject());
    }

    State newRevision() {
        if (!isOpen()) {
            return State.disabled(closed());
        }
        if (authorRefusal != null) {
            return State.disabled(authorRefusal);
        }
        return State.ENABLED;
    }

    State commit() {
        if (!isOpen()) {
            return State.disabled(closed());
        }
        if (authorRefusal != null) {
            return State.disabled(authorRefusal);
        }
        if (!review.committable()) {
            return State.disabled("Not yet: " + String.join("; ", review.notCommittableBecause()) + ".");
        }
        return State.ENABLED;
    }

    private boolean isOpen() {
        return "open".equals(review.state());
    }

    private String closed() {
        String reason = String.join("; ", review.notCommittableBecause());
        return reason.isEmpty() ? "The review is closed." : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }
}
