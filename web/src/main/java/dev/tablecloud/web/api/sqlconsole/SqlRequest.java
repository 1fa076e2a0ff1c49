package dev.tablecloud.web.api.sqlconsole;

/** Body of a SQL request: one or more statements. */
public record SqlRequest(String sql) {
}
