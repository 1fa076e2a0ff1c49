/**
 * Development services for the run and test commands: a PostgreSQL of its own (real PostgreSQL
 * binaries from Maven Central), so that a fresh machine needs no database installed or configured.
 */
package dev.tablecloud.devservices;
