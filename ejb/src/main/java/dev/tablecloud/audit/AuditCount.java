package dev.tablecloud.audit;

/**
 * How many entries a filter lets through, counted only up to a bound: a count of a large log is a
 * scan of all of it, which a page that only needs "more than enough to scroll" should not pay.
 *
 * @param entries the entries counted, at most the bound
 * @param atLeast true when the bound was reached: there are {@code entries} or more
 */
public record AuditCount(long entries, boolean atLeast) {

    /** "1 entry", "42 entries", "10,000+ entries". */
    public String describe() {
        return String.format("%,d", entries) + (atLeast ? "+" : "") + (entries == 1 && !atLeast ? " entry" : " entries");
    }
}
