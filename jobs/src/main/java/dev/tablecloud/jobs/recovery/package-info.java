/**
 * Stuck-commit recovery: a job that finds commits whose server died (their heartbeat stopped) and
 * has the engine finish or undo them, on whichever node of the cluster is alive.
 */
package dev.tablecloud.jobs.recovery;
