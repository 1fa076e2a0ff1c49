package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.transaction.PreviewRow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The plan as a coloured diff, one block per cloud action: create (+), update (~) with each column
 * old → new, replace (±) naming the columns that force it, delete (−). Colours come from the
 * theme's {@code tc-diff-*} classes. Public for the review page, which shows a revision's plan the
 * same way, with the comments on each line beneath it.
 */
public class PreviewDiff extends Div {

    static final Map<String, String> SIGNS = Map.of("create", "+", "update", "~", "replace", "±", "delete", "−");

    final Div summary = new Div();
    private final Function<String, Set<String>> replacedOn;

    /** @param replacedOn the columns of a table that force a replace */
    public PreviewDiff(Function<String, Set<String>> replacedOn) {
        this.replacedOn = replacedOn;
        setId("diff");
        addClassName("tc-diff");
    }

    public void show(List<PreviewRow> plan) {
        show(plan, (row, block) -> { });
    }

    /** @param eachRow adds to each row's block, after the row is drawn (the review page's comments) */
    public void show(List<PreviewRow> plan, BiConsumer<PreviewRow, Div> eachRow) {
        removeAll();
        summary.removeAll();
        summary.addClassName("tc-diff-summary");
        summary.setId("diff-summary");
        if (plan.isEmpty()) {
            Paragraph empty = new Paragraph("No cloud changes: the rows match the cloud.");
            empty.addClassName("tc-empty");
            add(empty);
            return;
        }
        for (String action : List.of("create", "update", "replace", "delete")) {
            long count = plan.stream().filter(row -> row.action().equals(action)).count();
            if (count > 0) {
                Span part = new Span(SIGNS.get(action) + " " + count + " " + action);
                part.addClassName("tc-count-" + action);
                summary.add(part);
            }
        }
        add(summary);
        plan.forEach(row -> {
            Div block = block(row);
            eachRow.accept(row, block);
            add(block);
        });
    }

    Div block(PreviewRow row) {
        Div block = new Div();
        block.addClassNames("tc-diff-row", "tc-diff-" + row.action());
        block.getElement().setAttribute("data-action", row.action());
        Div head = new Div(part(SIGNS.getOrDefault(row.action(), "?"), "tc-diff-sign"),
                part(row.action(), "tc-diff-action"), part(row.tableName(), "tc-diff-table"),
                part(row.description(), "tc-diff-name"));
        if (row.id() != null && !row.id().equals(row.description())) {
            head.add(part(idLabel(row.id()), "tc-diff-id"));
        }
        head.addClassName("tc-diff-head");
        block.add(head);
        if (!row.changes().isEmpty() && !row.action().equals("delete")) {
            Set<String> forcing = row.action().equals("replace") ? replacedOn.apply(row.tableName()) : Set.of();
            UnorderedList changes = new UnorderedList();
            changes.addClassName("tc-diff-changes");
            row.changes().stream().map(DiffLine::parse)
                    .forEach(line -> changes.add(change(line, row.action(), forcing.contains(line.column()))));
            block.add(changes);
        }
        return block;
    }

    /** "row 12" for a table row's id; a cloud id (a delete of a row that is gone) as it is. */
    static String idLabel(String id) {
        return id.chars().allMatch(Character::isDigit) ? "row " + id : id;
    }

    private static ListItem change(DiffLine line, String action, boolean forcesReplace) {
        ListItem item = new ListItem(part(line.column(), "tc-diff-column"), new Span(": "));
        boolean showsOld = !action.equals("create") && line.oldValue() != null;
        if (showsOld) {
            item.add(part(line.oldValue(), "tc-diff-old"), new Span(DiffLine.ARROW));
        }
        item.add(part(line.newValue() == null ? "" : line.newValue(), "tc-diff-new"));
        if (forcesReplace) {
            Span badge = new Span("forces replace");
            badge.getElement().getThemeList().add("badge small");
            badge.addClassName("tc-forces-replace");
            item.add(new Span(" "), badge);
        }
        return item;
    }

    private static Span part(String text, String className) {
        Span span = new Span(text == null ? "" : text);
        span.addClassName(className);
        return span;
    }
}
