/**
 * Environment databases: the PostgreSQL database each environment owns, created with the
 * environment in the control database's cluster. Owns the {@code environment_database} table, the
 * platform migrations of environment databases ({@code db/environment}: audit log, module
 * registry), the two roles per environment (the engine's, and the restricted one users' SQL runs
 * as) and the connections made as either.
 */
package dev.tablecloud.envdb;
