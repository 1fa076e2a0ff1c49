package dev.tablecloud.transaction;

/**
 * How far the users' changes of a transaction have come: the audit id of the last one and how many
 * there are. Both, because audit ids are handed out when a change is made, not when its database
 * transaction commits: a change that commits late may carry an id below the last one seen, and only
 * the count shows it.
 */
public record ChangePosition(long lastChange, int count) {

    public boolean isBefore(ChangePosition now) {
        return now.lastChange != lastChange || now.count != count;
    }
}
