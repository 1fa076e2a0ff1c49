package dev.tablecloud.review;

import java.time.Instant;

/**
 * Something that happened to a review, as its history records it and as it is announced to the
 * rest of the server (a CDI event, fired once the recording database transaction has committed).
 *
 * @param id            the history entry's id: unique, increasing, so receivers can drop repeats
 * @param kind          what happened: one of {@link Kind}'s labels
 * @param revision      the revision it concerns, or null
 * @param detail        the reason, comment or error in words, or null
 */
public record ReviewEvent(long id, String environment, long reviewId, long transactionId, String kind,
                          String actor, Integer revision, String detail, Instant at) {

    /** The kinds of event, by label (as webhooks subscribe to them). */
    public enum Kind {
        OPENED, REVISION, APPROVED, REJECTED, COMMENTED, STALE, OVERRIDDEN, COMMITTED, COMMIT_FAILED, ROLLED_BACK;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Kind ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
