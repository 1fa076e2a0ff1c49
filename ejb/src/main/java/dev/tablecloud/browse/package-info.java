/**
 * Reading an environment database's rows for people, page by page: a resource table sorted,
 * filtered and paged by the database (never all rows at once), as the environment's restricted
 * role, so a browser sees exactly what that role's SQL would. Also the facts an overview shows
 * that live in the environment database: the enabled regions and when a sync last changed rows.
 */
package dev.tablecloud.browse;
