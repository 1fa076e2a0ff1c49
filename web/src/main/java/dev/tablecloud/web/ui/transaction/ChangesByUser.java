package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import dev.tablecloud.transaction.TransactionChange;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The users' changes of the transaction so far, from the audit log, grouped by who made them. */
class ChangesByUser extends Div {

    ChangesByUser() {
        setId("changes");
    }

    void show(List<TransactionChange> changes, boolean truncated) {
        removeAll();
        if (changes.isEmpty()) {
            Paragraph empty = new Paragraph("No row changed yet in this transaction.");
            empty.addClassName("tc-empty");
            add(empty);
            return;
        }
        for (Map.Entry<String, List<TransactionChange>> byActor : grouped(changes).entrySet()) {
            Div user = new Div();
            user.addClassName("tc-changes-user");
            user.getElement().setAttribute("data-actor", byActor.getKey());
            int count = byActor.getValue().size();
            user.add(new H4(byActor.getKey() + " · " + count + (count == 1 ? " change" : " changes")));
            user.add(new Html(list(byActor.getValue())));
            add(user);
        }
        if (truncated) {
            Paragraph more = new Paragraph("Only the first " + changes.size() + " changes are shown.");
            more.addClassName("tc-reason");
            add(more);
        }
    }

    /**
     * One user's changes as one piece of HTML, which the browser builds in one go (a component per
     * change slowed the page at hundreds of changes); jsoup escapes the text.
     */
    static String list(List<TransactionChange> changes) {
        Document document = new Document("");
        document.outputSettings().prettyPrint(false);
        Element list = document.appendElement("ul").addClass("tc-mono");
        changes.forEach(change -> list.appendElement("li").text(change.describe()));
        return list.outerHtml();
    }

    /** Actors in the order of their first change, each with their changes in order. */
    static Map<String, List<TransactionChange>> grouped(List<TransactionChange> changes) {
        Map<String, List<TransactionChange>> byActor = new LinkedHashMap<>();
        changes.forEach(change -> byActor.computeIfAbsent(change.actor(), actor -> new java.util.ArrayList<>()).add(change));
        return byActor;
    }
}
