package dev.tablecloud.install;

import java.util.List;

/**
 * A module as iasql_modules_list shows it, and whether it may be uninstalled now.
 *
 * @param uninstallRefusal why uninstalling it alone would be refused now (a dependent installed, or
 *                         it is the base module), or null when it may go or is not installed
 */
public record ModuleStatus(String moduleName, String moduleVersion, List<String> dependencies, boolean installed,
                           String uninstallRefusal) {

    public ModuleStatus(String moduleName, String moduleVersion, List<String> dependencies, boolean installed) {
        this(moduleName, moduleVersion, dependencies, installed, null);
    }
}
