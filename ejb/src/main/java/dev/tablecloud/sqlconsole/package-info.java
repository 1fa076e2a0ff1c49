/**
 * The SQL endpoint behind REST and the SQL console: runs a user's script, statement by statement,
 * in the environment database as the environment's restricted role, as one transaction the way
 * PostgreSQL runs several statements in one query (engine calls split it: see {@link
 * dev.tablecloud.sqlconsole.SqlRunner}), and reports per statement the columns and rows (capped),
 * the affected count, or PostgreSQL's error with its position, and which statements were rolled back.
 */
package dev.tablecloud.sqlconsole;
