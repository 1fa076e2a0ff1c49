package dev.tablecloud.web.ui.review;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import dev.tablecloud.review.ReviewData;

import java.util.Objects;

/**
 * Approvals against the policy ("1 of 2"), each reviewer's standing decision, approve and reject
 * (disabled with the server's reason when the caller may not), and the commit the review gates.
 */
class DecisionPanel extends Div {

    final Span standing = new Span();
    final UnorderedList decisions = new UnorderedList();
    final TextField comment = new TextField();
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Paragraph approveReason = new Paragraph();
    final Paragraph rejectReason = new Paragraph();
    final Button commit = new Button("Commit");
    final Paragraph commitReason = new Paragraph();

    DecisionPanel() {
        setId("decision");
        addClassNames("tc-card", "tc-decision");
        standing.setId("approvals");
        standing.addClassName("tc-approvals");
        decisions.setId("decisions");
        decisions.addClassName("tc-decisions");
        comment.setId("decision-comment");
        comment.setPlaceholder("Why (optional, kept with the decision)");
        comment.setWidthFull();
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approveReason.setId("approve-reason");
        rejectReason.setId("reject-reason");
        commit.setId("commit-review");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setDisableOnClick(true);
        commitReason.setId("commit-reason");
        for (Paragraph reason : new Paragraph[] {approveReason, rejectReason, commitReason}) {
            reason.addClassName("tc-reason");
        }
        Div buttons = new Div(approve, reject);
        buttons.addClassName("tc-actions");
        Div commitRow = new Div(commit);
        commitRow.addClassName("tc-actions");
        add(new H3("Approvals"), standing, decisions, comment, buttons, approveReason, rejectReason,
                new H3("Commit"), commitRow, commitReason);
    }

    void show(ReviewData review, ReviewActions actions) {
        ReviewData.Approvals approvals = review.approvals();
        standing.setText(approvals.approvedBy().size() + " of " + approvals.required() + " approvals"
                + " on revision " + review.currentRevision()
                + (approvals.required() == 0 ? " (the policy asks for none)" : ""));
        standing.getElement().setAttribute("data-approved", String.valueOf(approvals.approvedBy().size()));
        decisions.removeAll();
        review.decisions().stream().filter(ReviewData.Decision::counts).forEach(decision -> {
            Span verdict = new Span(decision.decision().equals("approve") ? "approved" : "rejected");
            verdict.getElement().getThemeList().add("badge small " + (decision.decision().equals("approve")
                    ? "success" : "error"));
            decisions.add(new ListItem(verdict, new Span(" " + decision.actor() + " at " + Times.of(decision.decidedAt())
                    + (decision.comment() == null ? "" : ": " + decision.comment()))));
        });
        apply(approve, approveReason, actions.approve());
        ReviewActions.State rejectState = actions.reject();
        apply(reject, rejectReason, rejectState);
        // One reason said once: a role the caller lacks refuses both alike.
        rejectReason.setVisible(!rejectState.enabled() && !Objects.equals(rejectState.reason(), actions.approve().reason()));
        comment.setEnabled(actions.approve().enabled() || rejectState.enabled());
        apply(commit, commitReason, actions.commit());
    }

    private static void apply(Button button, Paragraph reason, ReviewActions.State state) {
        button.setEnabled(state.enabled());
        button.setTooltipText(state.reason());
        reason.setText(state.reason() == null ? "" : state.reason());
        reason.setVisible(state.reason() != null);
    }
}
