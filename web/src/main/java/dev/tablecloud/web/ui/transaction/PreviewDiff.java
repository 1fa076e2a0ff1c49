package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.transaction.PreviewRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    /**
     * The transaction page's diff: every line in one piece of HTML, which the browser builds in one
     * go (a component per line made the page seconds slower at 300 lines, {@code bench/ui-bench}).
     */
    public void show(List<PreviewRow> plan) {
        if (!started(plan)) {
            return;
        }
        Document document = new Document("");
        document.outputSettings().prettyPrint(false);
        Element rows = document.appendElement("div").addClass("tc-diff-rows");
        plan.forEach(row -> rows.appendChild(blockElement(row)));
        add(new Html(rows.outerHtml()));
    }

    /** @param eachRow adds to each row's block, after the row is drawn (the review page's comments) */
    public void show(List<PreviewRow> plan, BiConsumer<PreviewRow, Div> eachRow) {
        if (!started(plan)) {
            return;
        }
        plan.forEach(row -> {
            Div block = block(row);
            eachRow.accept(row, block);
            add(block);
        });
    }

    /** Clears the diff and draws its summary; false when the plan is empty (and says so). */
    private boolean started(List<PreviewRow> plan) {
        removeAll();
        summary.removeAll();
        summary.addClassName("tc-diff-summary");
        summary.setId("diff-summary");
        if (plan.isEmpty()) {
            Paragraph empty = new Paragraph("No cloud changes: the rows match the cloud.");
            empty.addClassName("tc-empty");
            add(empty);
            return false;
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
        return true;
    }

    private Element blockElement(PreviewRow row) {
        Element block = new Element("div").addClass("tc-diff-row").addClass("tc-diff-" + row.action())
                .attr("data-action", row.action());
        block.appendChild(body(row));
        return block;
    }

    Div block(PreviewRow row) {
        Div block = new Div();
        block.addClassNames("tc-diff-row", "tc-diff-" + row.action());
        block.getElement().setAttribute("data-action", row.action());
        block.add(new Html(body(row).outerHtml()));
        return block;
    }

    /**
     * A line's head and its columns as one piece of HTML, which the browser builds in one go: a
     * component for each part made a plan of 300 lines some 15,000 nodes to send and create, seconds
     * where this takes milliseconds ({@code bench/ui-bench}). jsoup escapes the text.
     */
    Element body(PreviewRow row) {
        Document document = new Document("");
        document.outputSettings().prettyPrint(false);
        Element body = document.appendElement("div").addClass("tc-diff-body");
        Element head = body.appendElement("div").addClass("tc-diff-head");
        part(head, SIGNS.getOrDefault(row.action(), "?"), "tc-diff-sign");
        part(head, row.action(), "tc-diff-action");
        part(head, row.tableName(), "tc-diff-table");
        part(head, row.description(), "tc-diff-name");
        if (row.id() != null && !row.id().equals(row.description())) {
            part(head, idLabel(row.id()), "tc-diff-id");
        }
        if (!row.changes().isEmpty() && !row.action().equals("delete")) {
            Set<String> forcing = row.action().equals("replace") ? replacedOn.apply(row.tableName()) : Set.of();
            Element changes = body.appendElement("ul").addClass("tc-diff-changes");
            row.changes().stream().map(DiffLine::parse).forEach(line ->
                    change(changes.appendElement("li"), line, row.action(), forcing.contains(line.column())));
        }
        return body;
    }

    /** "row 12" for a table row's id; a cloud id (a delete of a row that is gone) as it is. */
    static String idLabel(String id) {
        return id.chars().allMatch(Character::isDigit) ? "row " + id : id;
    }

    private static void change(Element item, DiffLine line, String action, boolean forcesReplace) {
        part(item, line.column(), "tc-diff-column");
        item.appendText(": ");
        if (!action.equals("create") && line.oldValue() != null) {
            part(item, line.oldValue(), "tc-diff-old");
            item.appendText(DiffLine.ARROW);
        }
        part(item, line.newValue() == null ? "" : line.newValue(), "tc-diff-new");
        if (forcesReplace) {
            item.appendText(" ");
            item.appendElement("span").attr("theme", "badge small").addClass("tc-forces-replace").text("forces replace");
        }
    }

    private static void part(Element parent, String text, String className) {
        parent.appendElement("span").addClass(className).text(text == null ? "" : text);
    }
}
