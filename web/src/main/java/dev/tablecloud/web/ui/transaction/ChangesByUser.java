package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.transaction.TransactionChange;

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
            UnorderedList list = new UnorderedList();
            list.addClassName("tc-mono");
            byActor.getValue().forEach(change -> list.add(new ListItem(change.describe())));
            user.add(list);
            add(user);
        }
        if (truncated) {
            Paragraph more = new Paragraph("Only the first " + changes.size() + " changes are shown.");
            more.addClassName("tc-reason");
            add(more);
        }
    }

    /** Actors in the order of their first change, each with their changes in order. */
    static Map<String, List<TransactionChange>> grouped(List<TransactionChange> changes) {
        Map<String, List<TransactionChange>> byActor = new LinkedHashMap<>();
        changes.forEach(change -> byActor.computeIfAbsent(change.actor(), actor -> new java.util.ArrayList<>()).add(change));
        return byActor;
    }
}
