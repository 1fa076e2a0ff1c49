package dev.tablecloud.web.ui.audit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tablecloud.audit.AuditLogEntry;
import dev.tablecloud.web.ui.changes.ColumnChangeList;

/**
 * An entry's changed columns, each {@code column: old → new} in the colours of the transaction
 * page's diff: an insert shows only the new values, a delete only the old ones.
 */
class EntryChanges extends Div {

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
        add(new ColumnChangeList(entry.changes()));
    }

    /** The entry's changed columns in one line, for the grid's cell: "cidr_block, tags". */
    static String summary(AuditLogEntry entry) {
        return ColumnChangeList.summary(entry.changes());
    }
}
