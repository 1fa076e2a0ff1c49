package dev.tablecloud.audit;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a page of the audit log and of its bounded count, for one filter: every condition a
 * parameter, newest first by id (the log's one order, never the clock), limit and offset checked
 * numbers. A blank part of the filter means any.
 */
public final class AuditQuery {

    public static final int MAX_LIMIT = 500;
    public static final List<String> ORIGINS = List.of("user", "engine");
    /** The change types the log's check constraint allows. */
    public static final List<String> CHANGE_TYPES = List.of("INSERT", "UPDATE", "DELETE", "BEGIN", "PREVIEW",
            "COMMIT_START", "COMMIT_END", "ROLLBACK", "ERROR", "SYNC", "INSTALL", "UNINSTALL", "APPLY",
            "REVIEW_OPENED", "REVISION", "APPROVED", "REJECTED");

    private static final String COLUMNS = "id, ts, actor, origin, change_type, table_name, transaction_id,"
            + " old::text, new::text";

    private final AuditFilter filter;

    public AuditQuery(AuditFilter filter) {
        this.filter = filter == null ? AuditFilter.none() : filter;
        check(this.filter);
    }

    /** Entries newest first; the placeholders are {@link #parameters()}. */
    public String page(int offset, int limit) {
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "Ask for 1 to " + MAX_LIMIT + " entries at a time, not " + limit + "."));
        }
        if (offset < 0) {
            errors.add(new FieldError("offset", "The offset counts entries from 0, not " + offset + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // The offset is walked over ids alone (an index-only scan where the index holds the filter's
        // columns), and only the page's rows are read whole: a deep page skips ids, not jsonb rows.
        return "select " + COLUMNS + " from iasql_audit_log where id in (select id from iasql_audit_log" + where()
                + " order by id desc limit " + limit + " offset " + offset + ") order by id desc";
    }

    /**
     * Counts at most {@code bound} + 1 entries, so that the caller can tell "exactly the bound" from
     * "more than it" without the database reading past it.
     */
    public String boundedCount(long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound " + bound);
        }
        return "select count(*) from (select 1 from iasql_audit_log" + where() + " limit " + (bound + 1) + ") bounded";
    }

    /** The values of the placeholders of {@link #page} and {@link #boundedCount}, in order. */
    public List<Object> parameters() {
        List<Object> values = new ArrayList<>();
        addIfSet(values, filter.actor());
        addIfSet(values, filter.origin());
        addIfSet(values, filter.changeType());
        addIfSet(values, filter.table());
        if (filter.transactionId() != null) {
            values.add(filter.transactionId());
        }
        if (filter.from() != null) {
            values.add(Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            values.add(Timestamp.from(filter.until()));
        }
        return values;
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (isSet(filter.actor())) {
            conditions.add("actor = ?");
        }
        if (isSet(filter.origin())) {
            conditions.add("origin = ?");
        }
        if (isSet(filter.changeType())) {
            conditions.add("change_type = ?");
        }
        if (isSet(filter.table())) {
            conditions.add("table_name = ?");
        }
        if (filter.transactionId() != null) {
            conditions.add("transaction_id = ?");
        }
        if (filter.from() != null) {
            conditions.add("ts >= ?");
        }
        if (filter.until() != null) {
            conditions.add("ts < ?");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void addIfSet(List<Object> values, String value) {
        if (isSet(value)) {
            values.add(value);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void check(AuditFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (isSet(filter.origin()) && !ORIGINS.contains(filter.origin())) {
            errors.add(new FieldError("origin", "The origin is user or engine, not '" + filter.origin() + "'."));
        }
        if (isSet(filter.changeType()) && !CHANGE_TYPES.contains(filter.changeType())) {
            errors.add(new FieldError("changeType", "The audit log has no change type '" + filter.changeType()
                    + "': choose one of " + String.join(", ", CHANGE_TYPES) + "."));
        }
        if (filter.from() != null && filter.until() != null && !filter.from().isBefore(filter.until())) {
            errors.add(new FieldError("until", "The time range ends (" + filter.until() + ") before it starts ("
                    + filter.from() + ")."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
