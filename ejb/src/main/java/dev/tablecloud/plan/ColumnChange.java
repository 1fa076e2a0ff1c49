package dev.tablecloud.plan;

/**
 * One column a step changes: what the cloud has (null for a create) and what the row asks for. A
 * foreign key shows cloud ids; a parent that the plan is still to create shows as
 * {@code "(new <table> row <id>)"}.
 */
public record ColumnChange(String column, Object oldValue, Object newValue) {
}
