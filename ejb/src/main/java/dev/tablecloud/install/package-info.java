/**
 * Installing and uninstalling modules in an environment: the use cases behind
 * {@code iasql_install}, {@code iasql_uninstall}, {@code iasql_modules_list} and their REST twins.
 * Installing imports what already exists in the cloud, in the same database transaction.
 */
package dev.tablecloud.install;
