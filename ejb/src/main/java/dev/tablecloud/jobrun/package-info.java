/**
 * The history of scheduled job runs: one row per run with its outcome, so that no failure is
 * silently swallowed and the UI and health endpoint can say when a job last ran.
 */
package dev.tablecloud.jobrun;
