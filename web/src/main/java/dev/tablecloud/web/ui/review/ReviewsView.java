package dev.tablecloud.web.ui.review;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * The reviews inbox, across environments: what waits for my decision (the engine's inbox, the same
 * the side navigation's badge counts), what I opened, and what closed lately.
 */
@Route(Links.REVIEWS)
@PageTitle("Reviews · Tablecloud")
@PermitAll
public class ReviewsView extends VerticalLayout implements BeforeEnterObserver {

    static final int CLOSED_SHOWN = 20;

    final ReviewList waiting = new ReviewList("waiting", "Waiting for me",
            "Nothing waits for your decision.");
    final ReviewList mine = new ReviewList("opened-by-me", "Opened by me", "You have no open review.");
    final ReviewList closed = new ReviewList("recently-closed", "Recently closed",
            "No review was committed or rolled back yet.");
    private final ReviewQueryService queries;

    @Inject
    public ReviewsView(ReviewQueryService queries) {
        this.queries = queries;
        addClassName("tc-page");
        Paragraph about = new Paragraph("Open reviews you may decide and have not, in every environment; the ones you"
                + " opened; and the last " + CLOSED_SHOWN + " closed.");
        about.addClassName("tc-muted");
        Div lists = new Div(waiting, mine, closed);
        lists.addClassName("tc-review-lists");
        add(new H2("Reviews"), about, lists);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        waiting.show(queries.inbox());
        mine.show(queries.openedByCaller());
        closed.show(queries.recentlyClosed(CLOSED_SHOWN));
    }
}
