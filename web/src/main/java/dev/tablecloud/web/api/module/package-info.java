/** REST for an environment's modules: list, install (with dependencies, importing the cloud), uninstall. */
package dev.tablecloud.web.api.module;
