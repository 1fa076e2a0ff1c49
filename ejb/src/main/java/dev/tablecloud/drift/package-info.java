/**
 * Drift (DESIGN §4, §7): changes made in the cloud by hand, found by a sync outside any transaction
 * (a person's "sync now" or the drift schedule of each environment), kept as the audit entries that
 * sync wrote, old → new, and read back per environment.
 */
package dev.tablecloud.drift;
