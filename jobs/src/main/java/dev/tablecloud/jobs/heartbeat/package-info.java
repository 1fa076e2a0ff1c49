/**
 * The heartbeat: a job that runs every minute so that the health endpoint can prove the
 * clustered scheduler is alive.
 */
package dev.tablecloud.jobs.heartbeat;
