package dev.tablecloud.web.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.tablecloud.review.ReviewData;

/**
 * Shown while the review's current revision is stale: someone changed the transaction's rows since
 * it was frozen, so its approvals no longer count. Lists who changed what, and offers the new
 * revision that the decisions need.
 */
class StaleBanner extends Div {

    final Paragraph headline = new Paragraph();
    final UnorderedList changes = new UnorderedList();
    final Button newRevision = new Button("New revision");
    final Span reason = new Span();

    StaleBanner() {
        setId("stale-banner");
        addClassName("tc-stale");
        headline.addClassName("tc-stale-headline");
        changes.setId("stale-changes");
        changes.addClassName("tc-mono");
        newRevision.setId("new-revision");
        newRevision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reason.setId("new-revision-reason");
        reason.addClassName("tc-reason");
        Div actions = new Div(newRevision, reason);
        actions.addClassName("tc-actions");
        add(headline, changes, actions);
        setVisible(false);
    }

    void show(ReviewData review, ReviewActions.State newRevisionState) {
        setVisible(review.stale());
        changes.removeAll();
        if (!review.stale()) {
            return;
        }
        headline.setText("Revision " + review.currentRevision() + " is stale: the transaction changed since it was"
                + " frozen, so its approvals no longer count. Changed since:");
        review.changesSinceRevision().forEach(change -> changes.add(new ListItem(change)));
        newRevision.setEnabled(newRevisionState.enabled());
        reason.setText(newRevisionState.enabled() ? "Freezes the plan and SQL as they are now; decide on that."
                : newRevisionState.reason());
    }
}
