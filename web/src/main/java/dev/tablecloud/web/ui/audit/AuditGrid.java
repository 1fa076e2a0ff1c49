package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.tablecloud.audit.AuditCount;
import dev.tablecloud.audit.AuditFilter;
import dev.tablecloud.audit.AuditLogEntry;
import dev.tablecloud.audit.AuditQuery;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The audit log newest first, a page fetched from the database as the grid scrolls, with the
 * filter in the query; the count the grid scrolls over is bounded ({@link AuditCount}). A click on
 * an entry opens its details row: the changed columns old → new.
 */
class AuditGrid extends Grid<AuditLogEntry> {

    static final int PAGE_SIZE = 100;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The audit log's reads, as the grid needs them: a service in the server, a list in tests. */
    interface Source {
        List<AuditLogEntry> page(AuditFilter filter, int offset, int limit);

        AuditCount count(AuditFilter filter);
    }

    private final Source source;
    private AuditFilter filter = AuditFilter.none();
    private AuditCount lastCount = new AuditCount(0, false);

    AuditGrid(Source source) {
        super(PAGE_SIZE);
        this.source = source;
        setId("audit");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(AuditLogEntry::id).setHeader("#").setKey("id").setWidth("5rem").setFlexGrow(0);
        addColumn(entry -> TIME.format(entry.at())).setHeader("Time (UTC)").setKey("at").setWidth("13.5rem")
                .setFlexGrow(0);
        addColumn(AuditLogEntry::actor).setHeader("Actor").setKey("actor").setWidth("10rem").setFlexGrow(0).setResizable(true);
        addColumn(AuditLogEntry::origin).setHeader("Origin").setKey("origin").setWidth("5rem").setFlexGrow(0);
        addColumn(AuditLogEntry::changeType).setHeader("Change").setKey("change").setWidth("8rem").setFlexGrow(0);
        addColumn(entry -> entry.table() == null ? "" : entry.table()).setHeader("Table").setKey("table")
                .setWidth("8rem").setResizable(true);
        addColumn(entry -> entry.transactionId() == null ? "" : String.valueOf(entry.transactionId()))
                .setHeader("Transaction").setKey("transaction").setWidth("6.5rem").setFlexGrow(0);
        addColumn(EntryChanges::summary).setHeader("Changed").setKey("changed").setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(EntryChanges::summary);
        setItemDetailsRenderer(new ComponentRenderer<>(EntryChanges::new));
        setDetailsVisibleOnClick(true);
        setEmptyStateText("No audit entries match the filters.");
        setItems(query -> source.page(filter, query.getOffset(), Math.min(query.getLimit(), AuditQuery.MAX_LIMIT))
                        .stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, lastCount.entries()));
        refreshCount();
    }

    void filter(AuditFilter value) {
        this.filter = value;
        refreshCount();
        getDataProvider().refreshAll();
    }

    AuditFilter filter() {
        return filter;
    }

    AuditCount count() {
        return lastCount;
    }

    /** One bounded count per filter change, not one per fetch: the grid asks for the size often. */
    private void refreshCount() {
        lastCount = source.count(filter);
    }
}
