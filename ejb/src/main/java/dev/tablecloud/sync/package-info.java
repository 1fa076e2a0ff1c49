/**
 * Sync, cloud to database: read the installed resource types in the enabled regions (in
 * parallel, one call per page), then make the tables equal to what was read in one database
 * transaction, so a cloud failure half-way leaves the tables as they were. Writes are
 * conditional, so a sync of an unchanged account writes nothing; what it does write reaches the
 * audit log with origin engine and change type SYNC. A sync covers everything, except the one
 * that ends a commit, which covers what the commit touched ({@link dev.tablecloud.sync.SyncScope}).
 */
package dev.tablecloud.sync;
