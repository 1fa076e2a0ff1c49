package dev.tablecloud.transaction;

import java.util.List;

/**
 * What a commit must pass before it touches the cloud, and what it reports when it ends: the review
 * policy of DESIGN §6, implemented by the review feature. The transaction feature only knows this
 * contract, so reviews may depend on transactions and not the other way round.
 */
public interface CommitGate {

    /**
     * Called with the transaction held (COMMITTING: nobody changes rows) and the plan just made from
     * the live cloud. Throws (a conflict or a refusal, in words) when the commit may not go on.
     */
    CommitAdmission admit(CommitRequest request);

    /** Told once a commit attempt or a rollback has ended; never fails the caller. */
    void ended(String environment, long transactionId, String actor, TransactionEnd end, String detail);

    /**
     * @param override an admin's reason to commit without the approvals, or null
     * @param position the users' changes the plan was made from
     * @param scheduled whether a schedule runs it (bound to the commit windows) rather than a person
     */
    record CommitRequest(String environment, long transactionId, String actor, String override,
                         List<PreviewRow> plan, ChangePosition position, boolean scheduled) {
    }

    /** How a transaction ended, or how a commit attempt did. */
    enum TransactionEnd {
        COMMITTED, COMMIT_FAILED, COMMIT_REFUSED, ROLLED_BACK
    }
}
