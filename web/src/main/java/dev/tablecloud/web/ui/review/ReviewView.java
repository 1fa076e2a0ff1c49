package dev.tablecloud.web.ui.review;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.review.DecisionRefusals;
import dev.tablecloud.review.PlanRowRef;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.review.ReviewDecisionService;
import dev.tablecloud.review.ReviewEvent;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.review.ReviewService;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.CommitReport;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.failure.FailureNotification;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One review, at {@code /reviews/{id}} (review ids are global, so a link names no environment).
 * While the page is open the server looks every {@value #WATCH_SECONDS} seconds whether the review
 * moved (a decision, comment, revision or commit) or anyone changed its transaction's rows, from
 * any door, and pushes the page anew: a change to the rows shows the stale banner at once.
 */
@Route(Links.REVIEWS + "/:id([0-9]+)")
@PermitAll
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int WATCH_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(ReviewView.class.getName());

    final Anchor back = new Anchor();
    final Anchor transactionLink = new Anchor();
    final H2 title = new H2();
    final Span summary = new Span();
    final Div description = new Div();
    final Paragraph commitOutcome = new Paragraph();
    final StaleBanner stale = new StaleBanner();
    final Select<Integer> revision = new Select<>();
    final Paragraph revisionNote = new Paragraph();
    final ReviewPlan plan;
    final ReviewSql sql = new ReviewSql();
    final DecisionPanel decision = new DecisionPanel();
    final CommentThread comments = new CommentThread();
    final ReviewHistory history = new ReviewHistory();

    private final ReviewQueryService queries;
    private final ReviewDecisionService decisions;
    private final ReviewService reviews;
    private final TransactionService transactions;
    private final Access access;
    @Resource
    ManagedScheduledExecutorService scheduler;
    private final Map<String, Set<String>> replacedOnByTable = new HashMap<>();
    private long id;
    private volatile ReviewData shownReview;
    private String commentRefusal;
    private volatile ReviewWatch shown;
    private ScheduledFuture<?> watching;

    @Inject
    public ReviewView(ReviewQueryService queries, ReviewDecisionService decisions, ReviewService reviews,
                      TransactionService transactions, Access access, TableBrowseService browse) {
        this.queries = queries;
        this.decisions = decisions;
        this.reviews = reviews;
        this.transactions = transactions;
        this.access = access;
        this.plan = new ReviewPlan(table -> replacedOnByTable.computeIfAbsent(table, browse::replacedOn));
        addClassName("tc-page");
        back.addClassName("tc-breadcrumb");
        transactionLink.addClassName("tc-breadcrumb");
        transactionLink.setId("transaction-page-link");
        title.setId("review-title");
        summary.setId("review-summary");
        summary.addClassName("tc-muted");
        description.setId("review-description");
        description.addClassName("tc-review-description");
        commitOutcome.setId("commit-outcome");
        commitOutcome.addClassName("tc-card");
        commitOutcome.setVisible(false);
        revision.setId("revision-select");
        revision.setLabel("Revision");
        revision.addValueChangeListener(change -> {
            if (change.isFromClient() && shownReview != null) {
                showRevision(shownReview, change.getValue());
            }
        });
        revisionNote.setId("revision-note");
        revisionNote.addClassName("tc-reason");
        decision.approve.addClickListener(click -> act(() -> decide("approve")));
        decision.reject.addClickListener(click -> act(() -> decide("reject")));
        decision.commit.addClickListener(click -> act(this::commit));
        stale.newRevision.addClickListener(click -> act(() -> {
            ReviewData revised = reviews.newRevision(shownReview.environment(), id);
            success("Revision " + revised.currentRevision() + " frozen: decide on it.");
        }));
        comments.post.addClickListener(click -> act(() -> {
            decisions.comment(shownReview.environment(), id, comments.text.getValue(), null);
            comments.text.clear();
        }));
        plan.onComment(this::commentOnLine);

        Div planCard = new Div(new H3("Plan: what a commit does in the cloud"), revision, revisionNote, plan);
        planCard.addClassNames("tc-card", "tc-review-plan");
        Div sqlCard = new Div(new H3("SQL of the changes"), sql);
        sqlCard.addClassNames("tc-card");
        Div main = new Div(planCard, sqlCard);
        main.addClassName("tc-review-main");
        Div side = new Div(decision, comments, history);
        side.addClassName("tc-review-side");
        Div body = new Div(main, side);
        body.addClassName("tc-review-body");
        Div crumbs = new Div(back, new Span(" · "), transactionLink);
        crumbs.addClassName("tc-breadcrumb");
        add(crumbs, title, summary, description, commitOutcome, stale, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(0L);
        // The same view may be shown another review (a link from one review page to another).
        shownReview = null;
        commitOutcome.setVisible(false);
        refresh();
    }

    /** Reads everything anew from the server: the review, what the caller may do, the history. */
    void refresh() {
        ReviewData review = queries.get(id);
        String environment = review.environment();
        DecisionRefusals refusals = decisions.refusals(environment, id);
        ReviewActions actions = new ReviewActions(review, refusals, authorRefusal(environment));
        List<ReviewEvent> events = queries.history(environment, id);
        boolean followCurrent = shownReview == null || revision.getValue() == null
                || revision.getValue() == shownReview.currentRevision();
        shownReview = review;
        back.setHref(Links.environment(environment));
        back.setText("← " + environment);
        transactionLink.setHref(Links.transaction(environment));
        transactionLink.setText("transaction " + review.transactionId());
        title.setText(review.title());
        summary.setText("Review " + review.id() + " · " + review.state().replace('_', ' ') + " · revision "
                + review.currentRevision() + " of " + review.revisions().size() + " · opened by " + review.openedBy()
                + " at " + Times.of(review.openedAt()) + (review.closedAt() == null ? "" : " · closed at "
                + Times.of(review.closedAt())));
        description.removeAll();
        description.setVisible(review.description() != null && !review.description().isBlank());
        if (description.isVisible()) {
            description.add(new Html("<div>" + review.descriptionHtml() + "</div>"));
        }
        stale.show(review, actions.newRevision());
        decision.show(review, actions);
        commentRefusal = decisions.whyMayNotComment(environment).orElse(null);
        comments.show(review.comments(), commentRefusal);
        history.show(events);
        List<Integer> numbers = new ArrayList<>(review.revisions().stream().map(ReviewData.Revision::number).toList());
        Collections.reverse(numbers);
        revision.setItems(numbers);
        revision.setItemLabelGenerator(number -> revisionLabel(review, number));
        int showing = followCurrent ? review.currentRevision() : revision.getValue();
        revision.setValue(showing);
        revision.setVisible(review.revisions().size() > 1);
        showRevision(review, showing);
        long lastEvent = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        shown = new ReviewWatch(lastEvent, "open".equals(review.state())
                ? transactions.position(environment, review.transactionId()) : null);
    }

    private void showRevision(ReviewData review, int number) {
        ReviewData.Revision shownRevision = review.revisions().stream().filter(r -> r.number() == number).findFirst()
                .orElse(review.revisions().get(review.revisions().size() - 1));
        boolean current = shownRevision.number() == review.currentRevision();
        boolean commentable = current && "open".equals(review.state()) && commentRefusal == null;
        plan.show(shownRevision, review.comments(), commentable);
        sql.show(review.id(), shownRevision);
        String note = "Frozen by " + shownRevision.createdBy() + " at " + Times.of(shownRevision.createdAt())
                + " · hash " + shownRevision.hash().substring(0, Math.min(12, shownRevision.hash().length()))
                + (current ? "" : " · an earlier revision: decisions are on revision " + review.currentRevision());
        if (!shownRevision.changesSincePrevious().isEmpty()) {
            note += " · changed since revision " + (shownRevision.number() - 1) + ": "
                    + String.join("; ", shownRevision.changesSincePrevious());
        }
        revisionNote.setText(note);
    }

    static String revisionLabel(ReviewData review, int number) {
        return review.revisions().stream().filter(r -> r.number() == number).findFirst()
                .map(r -> "Revision " + r.number() + " · " + r.plan().size() + (r.plan().size() == 1 ? " action" : " actions")
                        + (r.number() == review.currentRevision() ? " · current" : ""))
                .orElse("Revision " + number);
    }

    private String authorRefusal(String environment) {
        try {
            access.require(environment, Role.AUTHOR, "freeze a new revision or commit the transaction");
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    private void decide(String verdict) {
        String comment = decision.comment.getValue();
        decisions.decide(shownReview.environment(), id, shownReview.currentRevision(), verdict, comment);
        decision.comment.clear();
        success((verdict.equals("approve") ? "Approved" : "Rejected") + " revision " + shownReview.currentRevision() + ".");
    }

    private void commit() {
        String environment = shownReview.environment();
        CommitReport report = transactions.commit(environment, null);
        commitOutcome.removeAll();
        commitOutcome.setVisible(true);
        commitOutcome.removeClassNames("tc-commit-ok", "tc-commit-failed");
        commitOutcome.addClassName(report.committed() ? "tc-commit-ok" : "tc-commit-failed");
        Set<String> tables = new LinkedHashSet<>();
        report.steps().forEach(step -> tables.add(step.tableName()));
        if (report.committed()) {
            commitOutcome.add(new Span("Transaction " + report.transactionId() + " committed: "
                    + String.join("; ", report.steps().stream().map(step -> step.action() + " " + step.tableName() + " "
                    + step.description() + (step.message() == null ? "" : " — " + step.message())).toList()) + ". "));
            tables.forEach(table -> {
                Anchor link = new Anchor(Links.table(environment, table), table);
                link.setId("committed-table-" + table);
                commitOutcome.add(new Span(" "), link);
            });
            success("Transaction " + report.transactionId() + " committed: " + report.steps().size() + " cloud actions.");
        } else {
            commitOutcome.add(new Span("Commit of transaction " + report.transactionId() + " failed: " + report.error()
                    + (report.undo().isEmpty() ? "" : " Undone: " + String.join("; ", report.undo()) + ".")
                    + " The transaction is open again; its rows are as they were."));
            FailureNotification.show("Commit failed: " + report.error());
        }
    }

    private void commentOnLine(PreviewRow row, PlanRowRef ref) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Comment on " + row.action() + " " + row.tableName() + " " + row.description());
        TextArea text = new TextArea();
        text.setId("line-comment-text");
        text.setPlaceholder("Markdown");
        text.setWidthFull();
        Button post = new Button("Comment", click -> act(() -> {
            decisions.comment(shownReview.environment(), id, text.getValue(), ref);
            dialog.close();
        }));
        post.setId("line-comment-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), post);
        dialog.setWidth("32em");
        dialog.open();
    }

    /** Runs an action, then shows the server's state whatever happened (the failure goes to the handler). */
    private void act(Runnable action) {
        try {
            action.run();
        } finally {
            refresh();
        }
    }

    private static void success(String text) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        if (scheduler != null) {
            watching = scheduler.scheduleWithFixedDelay(() -> look(ui), WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            watching.cancel(false);
            watching = null;
        }
    }

    /** On the scheduler's thread, with the signed-in user's identity (propagated by the container). */
    private void look(UI ui) {
        ReviewData review = shownReview;
        if (review == null) {
            return;
        }
        try {
            List<ReviewEvent> events = queries.history(review.environment(), id);
            long lastEvent = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
            boolean open = events.stream().noneMatch(e -> e.kind().equals("committed") || e.kind().equals("rolled-back"));
            ReviewWatch now = new ReviewWatch(lastEvent, open
                    ? transactions.position(review.environment(), review.transactionId()) : null);
            if (now.movedSince(shown)) {
                ui.access(this::refresh);
            }
        } catch (RuntimeException e) {
            LOG.warning("Watching review " + id + " failed: " + e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return shownReview == null ? "Review · Tablecloud"
                : "Review " + shownReview.id() + " · " + shownReview.title() + " · Tablecloud";
    }
}
