/**
 * Scheduled commits: a job that has the engine run the commits that are due, inside their
 * environments' windows, on whichever node of the cluster Quartz fires it.
 */
package dev.tablecloud.jobs.commit;
