package dev.tablecloud.transaction;

/**
 * A rule a commit passes before the review gate, from a feature that depends on transactions (the
 * commit windows and freezes): discovered, so this package does not know its implementations.
 */
public interface CommitCheck {

    /**
     * Called with the transaction held and the fresh plan made. Throws (a conflict or a refusal, in
     * words) when the commit may not go on; the transaction is then OPEN again with the reason.
     */
    void admit(CommitGate.CommitRequest request);
}
