/**
 * Reading an environment's audit log for people: entries filtered (actor, origin, change type,
 * table, transaction, time range) and paged by the database, newest first, with each entry's
 * changed columns old → new; the count bounded so that a large log never costs a full scan per
 * page; the committed transactions an export can be made of. Reads run as the environment's
 * restricted role, which may read the log and never change it.
 */
package dev.tablecloud.audit;
