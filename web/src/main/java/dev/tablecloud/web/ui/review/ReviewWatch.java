package dev.tablecloud.web.ui.review;

import dev.tablecloud.transaction.ChangePosition;

import java.util.Objects;

/**
 * What the review page last showed, to tell whether anything moved since: an event of the review
 * (a decision, a comment, a revision, the commit) or a row of its transaction changed by anyone.
 *
 * @param lastEvent the id of the review's newest history entry
 * @param position  where the transaction's changes have come to, or null once the review is closed
 */
record ReviewWatch(long lastEvent, ChangePosition position) {

    boolean movedSince(ReviewWatch before) {
        if (before == null || lastEvent != before.lastEvent) {
            return true;
        }
        if (position == null || before.position == null) {
            return !Objects.equals(position, before.position);
        }
        return before.position.isBefore(position);
    }
}
