/**
 * Modules: named sets of IaSQL-compatible tables with their cloud mapping, installed into an
 * environment database. Owns the catalog of modules, their DDL (resources next to this package),
 * their dependencies, and installing and uninstalling them (never touching the cloud). Each
 * resource table declares how the cloud is read into it; the per-module sub-packages hold those
 * readers, one small class per resource type.
 */
package dev.tablecloud.module;
