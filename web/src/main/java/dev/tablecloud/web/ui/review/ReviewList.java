package dev.tablecloud.web.ui.review;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.tablecloud.review.ReviewSummary;
import dev.tablecloud.web.ui.Links;

import java.util.List;

/** One list of the inbox: each review with its title (the link), environment, who opened it, and its approvals. */
class ReviewList extends Div {

    private final String emptyText;
    private final Div items = new Div();

    ReviewList(String id, String heading, String emptyText) {
        this.emptyText = emptyText;
        setId(id);
        addClassNames("tc-card", "tc-review-list");
        add(new H3(heading), items);
    }

    void show(List<ReviewSummary> reviews) {
        items.removeAll();
        if (reviews.isEmpty()) {
            Paragraph none = new Paragraph(emptyText);
            none.addClassName("tc-empty");
            items.add(none);
            return;
        }
        reviews.forEach(review -> items.add(item(review)));
    }

    static Div item(ReviewSummary review) {
        Anchor link = new Anchor(Links.review(review.id()), "#" + review.id() + " " + review.title());
        link.addClassName("tc-review-link");
        Span facts = new Span(line(review));
        facts.addClassName("tc-reason");
        Div item = new Div(link, facts);
        item.addClassName("tc-review-item");
        item.getElement().setAttribute("data-review", String.valueOf(review.id()));
        return item;
    }

    /** "staging · transaction 4 · opened by alice at … · revision 2 · 1 of 2 approvals", or how it closed. */
    static String line(ReviewSummary review) {
        String state = "open".equals(review.state())
                ? "revision " + review.currentRevision() + " · " + review.approvals() + " approvals"
                : review.state().replace('_', ' ') + " at " + Times.of(review.closedAt());
        return review.environment() + " · transaction " + review.transactionId() + " · opened by " + review.openedBy()
                + " at " + Times.of(review.openedAt()) + " · " + state;
    }
}
