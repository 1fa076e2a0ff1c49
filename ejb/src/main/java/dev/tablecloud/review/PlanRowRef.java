package dev.tablecloud.review;

/** One line of a plan, as a comment names it: the action on a table's row. */
public record PlanRowRef(String action, String tableName, String id) {
}
