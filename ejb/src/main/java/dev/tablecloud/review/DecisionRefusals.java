package dev.tablecloud.review;

/**
 * Why the caller may not approve, or reject, a review's current revision now, in the words a
 * decision would be refused with; null where they may. So a page shows a button disabled with the
 * server's reason instead of hiding it.
 */
public record DecisionRefusals(int revision, String approve, String reject) {

    public boolean mayApprove() {
        return approve == null;
    }

    public boolean mayReject() {
        return reject == null;
    }
}
