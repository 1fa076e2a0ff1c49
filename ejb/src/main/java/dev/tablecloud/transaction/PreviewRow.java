package dev.tablecloud.transaction;

import java.util.List;

/**
 * One cloud action of a plan, as iasql_preview() and the API show it.
 *
 * @param id          the row's id (the cloud id for a delete of a row that is gone)
 * @param description how people know the resource (its Name tag, a name, or its cloud id)
 * @param changes     "column: old → new", one per changed column
 */
public record PreviewRow(String action, String tableName, String id, String description, List<String> changes) {
}
