/**
 * The audit log page of an environment: its entries newest first, paged by the database as the
 * grid scrolls, narrowed by actor, origin, change type, table, transaction and time range, each
 * entry's changed columns old → new in its details row.
 */
package dev.tablecloud.web.ui.audit;
