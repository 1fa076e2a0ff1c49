package dev.tablecloud.browse;

/**
 * One page of a resource table as a person asks for it.
 *
 * @param filter       text a row must contain (case-insensitive), in {@code filterColumn} or, when
 *                     that is null, in any column; null or blank for every row
 * @param sortColumn   the column to order by, or null for the table's first column
 * @param offset       rows to skip
 * @param limit        rows to return, 1 to {@link TablePageSql#MAX_LIMIT}
 */
public record TableQuery(String filter, String filterColumn, String sortColumn, boolean descending, int offset,
                         int limit) {

    public static TableQuery firstPage(int limit) {
        return new TableQuery(null, null, null, false, 0, limit);
    }
}
