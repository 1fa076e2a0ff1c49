package dev.tablecloud.web.ui.review;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.review.ReviewEvent;

import java.util.List;

/** Everything that happened to the review, oldest first: who opened, froze, decided, commented, committed, when. */
class ReviewHistory extends Div {

    final UnorderedList entries = new UnorderedList();

    ReviewHistory() {
        setId("review-history");
        addClassNames("tc-card", "tc-review-history");
        entries.addClassName("tc-history");
        add(new H3("History"), entries);
    }

    void show(List<ReviewEvent> events) {
        entries.removeAll();
        events.forEach(event -> {
            Span kind = new Span(event.kind());
            kind.getElement().getThemeList().add("badge small " + badge(event.kind()));
            ListItem item = new ListItem(kind, new Span(" " + event.actor()
                    + (event.revision() == null ? "" : " · revision " + event.revision()) + " · " + Times.of(event.at())));
            if (event.detail() != null && !event.detail().isBlank()) {
                Span detail = new Span(event.detail());
                detail.addClassName("tc-history-detail");
                item.add(detail);
            }
            entries.add(item);
        });
    }

    static String badge(String kind) {
        return switch (kind) {
            case "approved", "committed" -> "success";
            case "rejected", "stale", "commit-failed", "overridden" -> "error";
            default -> "contrast";
        };
    }
}
