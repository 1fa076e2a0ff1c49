/**
 * Sync, cloud to database: read every installed resource type in every enabled region (in
 * parallel, one call per page), then make the tables equal to what was read in one database
 * transaction, so a cloud failure half-way leaves the tables as they were. Writes are
 * conditional, so a sync of an unchanged account writes nothing; what it does write reaches the
 * audit log with origin engine and change type SYNC.
 */
package dev.tablecloud.sync;
