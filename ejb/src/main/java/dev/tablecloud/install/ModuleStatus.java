package dev.tablecloud.install;

import java.util.List;

/** A module as iasql_modules_list shows it. */
public record ModuleStatus(String moduleName, String moduleVersion, List<String> dependencies, boolean installed) {
}
