package dev.tablecloud.web.ui.tables;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.browse.TablePage;
import dev.tablecloud.browse.TableQuery;

import java.util.List;

/**
 * A resource table's rows, fetched a page at a time as the grid scrolls; sorting and the filter
 * go to the database with each fetch.
 */
class RowsGrid extends Grid<TablePage.Row> {

    static final int PAGE_SIZE = 100;
    private final TableBrowseService browse;
    private final String environment;
    private final String table;
    private String filter;
    private String filterColumn;

    RowsGrid(TableBrowseService browse, String environment, String table, List<String> columns) {
        super(PAGE_SIZE);
        this.browse = browse;
        this.environment = environment;
        this.table = table;
        setId("rows");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            addColumn(row -> row.values().get(index)).setHeader(columns.get(i)).setKey(columns.get(i))
                    .setSortable(true).setSortProperty(columns.get(i)).setResizable(true).setWidth(width(columns.get(i)))
                    .setFlexGrow(1)
                    .setTooltipGenerator(row -> row.values().get(index));
        }
        setEmptyStateText("No rows here (or none match the filter).");
        setMultiSort(false);
        setItems(query -> browse.page(environment, table, query(query.getSortOrders(), query.getOffset(),
                        query.getLimit())).rows().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, browse.count(environment, table,
                        query(List.of(), 0, 1))));
    }

    /**
     * A width by the column's kind, not measured from the first page: later pages hold longer
     * values (ids of five digits, cloud ids), which a width fitted to the first rows would cut. In rem:
     * an em would differ between the header and the body, whose fonts differ, and misalign them.
     */
    static String width(String column) {
        if (column.equals("id")) {
            return "6rem";
        }
        if (column.endsWith("_id") || column.endsWith("_arn") || column.equals("arn")) {
            return "14rem";
        }
        if (column.equals("tags") || column.endsWith("_document") || column.endsWith("policy")) {
            return "18rem";
        }
        return "10rem";
    }

    void filter(String text, String column) {
        this.filter = text;
        this.filterColumn = column;
        getDataProvider().refreshAll();
    }

    long count() {
        return browse.count(environment, table, query(List.of(), 0, 1));
    }

    TableQuery query(List<QuerySortOrder> sortOrders, int offset, int limit) {
        String sort = sortOrders.isEmpty() ? null : sortOrders.get(0).getSorted();
        boolean descending = !sortOrders.isEmpty() && sortOrders.get(0).getDirection() == SortDirection.DESCENDING;
        return new TableQuery(filter, filterColumn, sort, descending, offset, Math.min(limit, 500));
    }

}
