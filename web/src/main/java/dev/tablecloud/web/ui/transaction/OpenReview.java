package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.review.ReviewService;
import dev.tablecloud.review.ReviewSummary;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionState;
import dev.tablecloud.web.ui.Links;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Beside the transaction's buttons: "Open review" (a dialog asking for title and description), or,
 * once the transaction has an open review, the link to its page.
 */
class OpenReview extends HorizontalLayout {

    final Button open = new Button("Open review");
    final Anchor link = new Anchor();
    final Dialog dialog = new Dialog();
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description (markdown)");
    final Button confirm = new Button("Open review");
    private final ReviewService reviews;
    private final ReviewQueryService queries;
    private String environment = "";

    @Inject
    OpenReview(ReviewService reviews, ReviewQueryService queries) {
        this.reviews = reviews;
        this.queries = queries;
        setPadding(false);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        open.setId("open-review");
        link.setId("review-link");
        title.setId("review-title-field");
        title.setWidthFull();
        title.setRequired(true);
        description.setId("review-description-field");
        description.setWidthFull();
        description.addClassName("tc-review-description-field");
        confirm.setId("open-review-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.setHeaderTitle("Ask for review");
        Paragraph what = new Paragraph("Revision 1 freezes the plan, read from the cloud now, and the SQL of the"
                + " changes; approvals count for exactly that.");
        what.addClassName("tc-reason");
        dialog.add(what, title, description);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("36em");
        open.addClickListener(click -> dialog.open());
        // A refusal (no title, a review opened meanwhile) escapes to the failure handler; the dialog
        // stays open with what was typed.
        confirm.addClickListener(click -> {
            ReviewData opened = reviews.open(environment, title.getValue(), description.getValue());
            dialog.close();
            UI.getCurrent().navigate(Links.review(opened.id()));
        });
        add(open, link);
    }

    /** @param refusal why the caller may not open one (the commit button's reason), or null */
    void show(String environment, Optional<TransactionData> current, String refusal) {
        this.environment = environment;
        Optional<ReviewSummary> review = current.filter(open -> open.state() == TransactionState.OPEN)
                .flatMap(open -> queries.openReviewOf(environment, open.id()));
        show(current, review, refusal);
    }

    void show(Optional<TransactionData> current, Optional<ReviewSummary> review, String refusal) {
        link.setVisible(review.isPresent());
        open.setVisible(review.isEmpty());
        review.ifPresent(shown -> {
            link.setHref(Links.review(shown.id()));
            link.setText("Review " + shown.id() + ": " + shown.title() + " · approvals " + shown.approvals());
        });
        boolean openNow = current.map(transaction -> transaction.state() == TransactionState.OPEN).orElse(false);
        open.setEnabled(openNow && refusal == null);
        open.setTooltipText(refusal != null ? refusal : openNow ? null : "Reviews are of an open transaction: begin one.");
    }
}
