/**
 * The control database: its connection settings, its schema (versioned Flyway migrations in
 * {@code db/migration}, applied at start-up, never Hibernate auto-DDL) and whether it is reachable.
 * When it is not, this package says so in one log line naming the URL and keeps retrying.
 */
package dev.tablecloud.controldb;
