/**
 * The Quartz scheduler inside the server: started once the control database is ready, on the
 * clustered JDBC job store configured in config/quartz/quartz.properties. Jobs are CDI beans that
 * extend {@link dev.tablecloud.jobs.scheduling.RecordedJob}, so every run lands in the job history;
 * they only call session beans of the engine, never hold logic of their own.
 */
package dev.tablecloud.jobs.scheduling;
