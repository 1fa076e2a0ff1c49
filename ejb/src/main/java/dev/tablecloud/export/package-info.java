/**
 * Portable SQL (DESIGN §5): users' changes, as the audit log recorded them, turned into SQL that
 * replays them in another environment database. Rows are found by their tables' portable keys,
 * foreign keys become subqueries on the parents' portable keys, cloud-generated columns are left
 * out and every literal is quoted by PostgreSQL's rules; a row that has no portable key is
 * reported instead of exported.
 *
 * <p>Plain Java, no database: the callers read the audit log and the parents' rows, and serve the
 * result through SQL functions and REST.
 */
package dev.tablecloud.export;
