package dev.tablecloud.review;

import java.util.List;

/**
 * Authors a transaction carries from elsewhere — the people whose source changes a promotion
 * replays — who count as its authors under the four-eyes rule. Discovered, so this package does not
 * know the features that carry changes.
 */
public interface CarriedAuthors {

    /** Each carried author of the environment's transaction, with where their changes come from. */
    List<Carried> of(String environment, long transactionId);

    /** @param source where the changes were made, in words: "transaction 12 of mycompany-staging" */
    record Carried(String user, String source) {
    }
}
