/**
 * Drift (DESIGN §4, §7): changes made in the cloud by hand, found by a sync outside any transaction
 * (a person's "sync now" or the drift schedule of each environment), kept as the audit entries that
 * sync wrote, old → new, read back per environment, announced ({@link dev.tablecloud.drift.DriftFound},
 * which webhooks post), and reverted: a transaction that puts the rows back as they were before
 * the drift ({@link dev.tablecloud.drift.DriftReversal}), for review and commit like any other.
 */
package dev.tablecloud.drift;
