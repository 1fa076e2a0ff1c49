/** Drift: a job that has the engine sync each environment whose drift schedule is due. */
package dev.tablecloud.jobs.drift;
