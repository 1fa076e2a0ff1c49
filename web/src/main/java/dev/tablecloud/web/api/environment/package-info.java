/** REST resources for environments: create, list, get by name, and the regions their accounts see. */
package dev.tablecloud.web.api.environment;
