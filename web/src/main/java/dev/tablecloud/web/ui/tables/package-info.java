/**
 * The table browser at {@code /environments/{name}/tables/{table}}: one resource table in a grid
 * paged, sorted and filtered by the database, and the selected row's JSON beside it.
 */
package dev.tablecloud.web.ui.tables;
