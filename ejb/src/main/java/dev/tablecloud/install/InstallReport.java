package dev.tablecloud.install;

import dev.tablecloud.sync.SyncReport;

import java.util.List;

/**
 * What an install did.
 *
 * @param installedModules the modules added, dependencies first (empty if all were installed)
 * @param createdTables    the tables created
 * @param imported         the import from the cloud that filled them
 */
public record InstallReport(List<String> installedModules, List<String> createdTables, SyncReport imported) {
}
