package dev.tablecloud.web.ui.changes;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.audit.ColumnChange;

import java.util.List;

/**
 * Changed columns, each {@code column: old → new}: a row that appeared shows only its new values, one
 * that vanished only its old ones.
 */
public class ColumnChangeList extends UnorderedList {

    public static final String ARROW = " → ";

    public ColumnChangeList(List<ColumnChange> changes) {
        addClassName("tc-diff-changes");
        changes.forEach(change -> add(line(change)));
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

    /** The changed columns in one line, for a grid's cell: "2 columns: cidr_block, tags". */
    public static String summary(List<ColumnChange> changes) {
        if (changes.isEmpty()) {
            return "";
        }
        String columns = String.join(", ", changes.stream().map(ColumnChange::column).toList());
        return changes.size() + (changes.size() == 1 ? " column: " : " columns: ") + columns;
    }

    private static Span part(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
