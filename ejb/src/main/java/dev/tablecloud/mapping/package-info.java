/**
 * Value mappings of an environment (DESIGN §5, promotion): what changes when SQL exported from
 * another environment is meant for this one — a column's values (instance type {@code t3.micro} →
 * {@code m5.large}), regions, availability zones, and text rewrites of names ({@code -staging} →
 * {@code -prod}, since bucket names are global). Kept in the control database, managed through
 * REST, applied by the export to the rows before they become SQL.
 */
package dev.tablecloud.mapping;
