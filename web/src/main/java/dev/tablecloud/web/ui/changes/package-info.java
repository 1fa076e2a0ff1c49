/** A row's changed columns, {@code column: old → new}, in the colours of the transaction page's diff: for every page that shows changes. */
package dev.tablecloud.web.ui.changes;
