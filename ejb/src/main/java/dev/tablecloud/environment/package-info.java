/**
 * Environments: named targets that each mirror one AWS account. Owns the {@code environment}
 * table of the control database, the rules a new environment must meet, and the use cases to
 * create, list and find environments. Other features see environments only as
 * {@link dev.tablecloud.environment.EnvironmentData}.
 */
package dev.tablecloud.environment;
