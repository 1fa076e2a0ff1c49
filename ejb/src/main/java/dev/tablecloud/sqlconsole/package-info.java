/**
 * The SQL endpoint behind the future SQL console: runs a user's script, statement by statement,
 * in the environment database as the environment's restricted role, and reports per statement
 * the columns and rows (capped), the affected count, or PostgreSQL's error with its position.
 */
package dev.tablecloud.sqlconsole;
