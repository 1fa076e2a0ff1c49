package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.audit.AuditLogEntry;
import dev.tablecloud.audit.ColumnChange;

/**
 * An entry's changed columns, each {@code column: old → new} in the colours of the transaction
 * page's diff: an insert shows only the new values, a delete only the old ones.
 */
class EntryChanges extends Div {

    static final String ARROW = " → ";

    EntryChanges(AuditLogEntry entry) {
        addClassName("tc-audit-changes");
        getElement().setAttribute("data-entry", String.valueOf(entry.id()));
        if (entry.changes().isEmpty()) {
            Paragraph none = new Paragraph(entry.table() == null
                    ? entry.changeType() + ": a marker of the transaction's life, no row changed."
                    : "No column changed.");
            none.addClassName("tc-empty");
            add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("tc-diff-changes");
        entry.changes().forEach(change -> list.add(line(change)));
        add(list);
    }

    private static ListItem line(ColumnChange change) {
        ListItem item = new ListItem(part(change.column(), "tc-diff-column"), new Span(": "));
        if (change.oldValue() != null) {
            item.add(part(change.oldValue(), "tc-diff-old"));
        }
        if (change.oldValue() != null && change.newValue() != null) {
            item.add(new Span(ARROW));
        }
        if (change.newValue() != null) {
            item.add(part(change.newValue(), "tc-diff-new"));
        } else if (change.oldValue() != null) {
            item.add(new Span(ARROW), part("null", "tc-muted"));
        }
        return item;
    }

    /** The entry's changed columns in one line, for the grid's cell: "cidr_block, tags". */
    static String summary(AuditLogEntry entry) {
        if (entry.changes().isEmpty()) {
            return "";
        }
        String columns = String.join(", ", entry.changes().stream().map(ColumnChange::column).toList());
        return entry.changes().size() + (entry.changes().size() == 1 ? " column: " : " columns: ") + columns;
    }

    private static Span part(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
