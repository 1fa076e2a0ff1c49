package dev.tablecloud.web.ui.transaction;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.review.ReviewQueryService;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.transaction.CommitProgressData;
import dev.tablecloud.transaction.CommitReport;
import dev.tablecloud.transaction.TransactionChange;
import dev.tablecloud.transaction.TransactionData;
import dev.tablecloud.transaction.TransactionService;
import dev.tablecloud.transaction.TransactionState;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import dev.tablecloud.web.ui.failure.FailureNotification;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The environment's open transaction. While the page is open the server looks every
 * {@value #WATCH_SECONDS} seconds whether the transaction or its rows moved (anyone's change, from
 * any door: UI, REST, psql) and pushes the new changes and preview to the browser.
 */
@Route(Links.ENVIRONMENTS + "/:name/transaction")
@PermitAll
public class TransactionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int WATCH_SECONDS = 2;
    static final int CHANGES_SHOWN = 500;
    private static final Logger LOG = Logger.getLogger(TransactionView.class.getName());

    final Span summary = new Span();
    final Button begin = new Button("Begin");
    final Button preview = new Button("Refresh preview");
    final Button commit = new Button("Commit");
    final Button rollback = new Button("Roll back");
    final Span reason = new Span();
    final ChangesByUser changes = new ChangesByUser();
    final PreviewDiff diff;
    final Span previewNote = new Span();
    final CommitProgress commitProgress = new CommitProgress();
    final CommitOverride override = new CommitOverride(this::startCommit);

    private final TransactionService transactions;
    private final EnvironmentService environments;
    private final Access access;
    @Resource
    ManagedScheduledExecutorService scheduler;
    /** Runs the commits this page starts, so that the page is never blocked while the cloud works. */
    @Resource
    ManagedExecutorService executor;
    private final Map<String, Set<String>> replacedOnByTable = new HashMap<>();
    private String environment = "";
    private volatile Watch shown;
    private ScheduledFuture<?> watching;
    @Inject
    OpenReview openReview;
    @Inject
    ScheduleCommit scheduleCommit;
    @Inject
    ReviewQueryService reviewQueries;

    @Inject
    public TransactionView(TransactionService transactions, EnvironmentService environments, Access access,
                           TableBrowseService browse) {
        this.transactions = transactions;
        this.environments = environments;
        this.access = access;
        this.diff = new PreviewDiff(table -> replacedOnByTable.computeIfAbsent(table, browse::replacedOn));
        addClassName("tc-page");
        summary.setId("transaction-summary");
        begin.setId("begin");
        begin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        preview.setId("preview");
        commit.setId("commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        rollback.setId("rollback");
        rollback.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reason.setId("action-reason");
        reason.addClassName("tc-reason");
        previewNote.addClassName("tc-reason");
        previewNote.setId("preview-note");
        begin.addClickListener(click -> act(() -> {
            TransactionData opened = transactions.begin(environment);
            success("Transaction " + opened.id() + " begun: change rows, then preview and commit.");
        }));
        preview.addClickListener(click -> act(() -> { }));
        begin.addClickListener(click -> commitProgress.hide());
        commit.setDisableOnClick(true);
        commit.addClickListener(click -> startCommit(null));
        rollback.setDisableOnClick(true);
        rollback.addClickListener(click -> act(() -> {
            TransactionData ended = transactions.rollback(environment);
            success("Transaction " + ended.id() + " rolled back: the tables are as the cloud is.");
        }));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        environments.get(environment);
        removeAll();
        EnvironmentNav pages = new EnvironmentNav(environment, EnvironmentNav.Page.TRANSACTION);
        HorizontalLayout buttons = new HorizontalLayout(begin, preview, commit, override, rollback, openReview, scheduleCommit);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div changesCard = new Div(new H3("Changes so far, by user"), changes);
        changesCard.addClassNames("tc-card", "tc-changes-card");
        Div previewCard = new Div(new H3("Preview: what a commit would do in the cloud"), previewNote, diff);
        previewCard.addClassNames("tc-card", "tc-preview-card");
        Div body = new Div(previewCard, changesCard);
        body.addClassName("tc-transaction-body");
        add(pages, new H2("Transaction"), summary, buttons, reason, commitProgress, body);
        refresh();
    }

    /** Reads everything anew from the server: state, buttons, changes and preview. */
    void refresh() {
        Optional<TransactionData> current = transactions.current(environment);
        String refusal = roleRefusal();
        ActionStates states = new ActionStates(environment, refusal, current, reviewRefusals(current));
        showSummary(current);
        apply(begin, states.begin());
        apply(preview, states.preview());
        apply(commit, states.commit());
        apply(rollback, states.rollback());
        override.show(states.reviewRefusals(), isAdmin(), states.whileOpen().enabled());
        reason.setText(firstReason(states));
        showProgress(current);
        openReview.show(environment, current, states.preview().reason());
        scheduleCommit.show(environment, current.filter(open -> open.state() == TransactionState.OPEN).isPresent(),
                states.whileOpen().reason(), this::refresh);
        if (current.isEmpty()) {
            changes.show(List.of(), false);
            previewNote.setText("Begin a transaction to see what a commit would do.");
            diff.removeAll();
            shown = Watch.of(current, null);
            return;
        }
        long id = current.get().id();
        var position = transactions.position(environment, id);
        List<TransactionChange> list = transactions.changesAfter(environment, id, 0, CHANGES_SHOWN + 1);
        changes.show(list.size() > CHANGES_SHOWN ? list.subList(0, CHANGES_SHOWN) : list, list.size() > CHANGES_SHOWN);
        shown = Watch.of(current, position, states.reviewRefusals());
        if (states.preview().enabled()) {
            diff.show(transactions.preview(environment));
            previewNote.setText("Read live from the cloud at " + java.time.LocalTime.now().withNano(0)
                    + " (server time); it refreshes when anyone changes a row.");
        } else {
            diff.removeAll();
            previewNote.setText(refusal != null
                    ? "The preview reads the cloud live and needs the author role here (see above)."
                    : states.preview().reason());
        }
    }

    /** The review policy's forecast for the open transaction: it changes when someone decides, so the watch asks too. */
    private List<String> reviewRefusals(Optional<TransactionData> current) {
        return current.filter(open -> open.state() == TransactionState.OPEN)
                .map(open -> reviewQueries.commitRefusals(environment, open.id())).orElse(List.of());
    }

    private String roleRefusal() {
        try {
            access.require(environment, Role.AUTHOR, "change rows, preview, commit or roll back in this environment");
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    private boolean isAdmin() {
        try {
            access.require(environment, Role.ADMIN, "commit without the approvals the review policy asks for");
            return true;
        } catch (ForbiddenException refused) {
            return false;
        }
    }

    private static String firstReason(ActionStates states) {
        for (ActionStates.State state : List.of(states.commit(), states.begin())) {
            if (!state.enabled()) {
                return state.reason();
            }
        }
        return "";
    }

    private void showSummary(Optional<TransactionData> current) {
        summary.setText(current.map(transaction -> "Transaction " + transaction.id() + " · "
                        + transaction.state().name().toLowerCase() + " · opened by " + transaction.openedBy() + " at "
                        + Times.of(transaction.openedAt())
                        + (transaction.error() == null ? "" : " · last commit: " + transaction.error()))
                .orElse("No transaction is open in " + environment + "."));
    }


    private static void apply(Button button, ActionStates.State state) {
        button.setEnabled(state.enabled());
        button.setTooltipText(state.reason());
    }

    /**
     * Starts the commit on the managed executor (which carries the signed-in user to the engine) and
     * returns at once: the progress comes from the server's state, polled by the watch and pushed.
     *
     * @param overrideReason an admin's reason to commit without the approvals, or null
     */
    private void startCommit(String overrideReason) {
        UI ui = UI.getCurrent();
        String name = environment;
        commitProgress.starting();
        Runnable work = () -> {
            Command after;
            try {
                CommitReport report = transactions.commit(name, overrideReason);
                after = () -> committed(report, overrideReason);
            } catch (RuntimeException e) {
                // Refused before or while it started (409, the review policy): what the server kept, if anything.
                after = () -> {
                    commitProgress.hide();
                    refresh();
                    FailureNotification.show(e);
                };
            }
            try {
                ui.access(after);
            } catch (UIDetachedException gone) {
                // The page was closed or reloaded meanwhile: it shows the commit from the server's progress.
            }
        };
        if (executor == null) {
            work.run();
        } else {
            executor.execute(work);
        }
    }

    private void committed(CommitReport report, String overrideReason) {
        refresh();
        if (report.committed()) {
            success("Transaction " + report.transactionId() + " committed: " + report.steps().size() + " cloud actions"
                    + (overrideReason == null ? "." : ", without the approvals, because: " + overrideReason));
        } else {
            FailureNotification.show("Commit failed: " + report.error()
                    + (report.undo().isEmpty() ? "" : " Undone: " + String.join("; ", report.undo()) + ".")
                    + " The transaction is open again; its rows are as you left them.");
        }
    }

    /**
     * The latest commit attempt as the server keeps it, when it is this transaction's, or the last
     * commit's while none is open; whoever started it, from whichever session.
     */
    private void showProgress(Optional<TransactionData> current) {
        Optional<CommitProgressData> latest = transactions.latestProgress(environment)
                .filter(progress -> current.isEmpty() || current.get().id() == progress.transactionId());
        if (latest.isPresent()) {
            commitProgress.show(latest.get());
        } else if (!commitProgress.expectsMore()) {
            commitProgress.hide();
        }
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
        try {
            Optional<TransactionData> current = transactions.current(environment);
            Watch now = Watch.of(current, current.map(open -> transactions.position(environment, open.id())).orElse(null),
                    reviewRefusals(current));
            if (now.movedSince(shown)) {
                ui.access(this::refresh);
            } else if (commitProgress.expectsMore() || current.filter(TransactionView::committing).isPresent()) {
                CommitProgressData onPage = commitProgress.shown();
                transactions.latestProgress(environment).filter(progress -> !progress.equals(onPage))
                        .ifPresent(progress -> ui.access(() -> commitProgress.show(progress)));
            }
        } catch (RuntimeException e) {
            LOG.warning("Watching transaction of '" + environment + "' failed: " + e.getMessage());
        }
    }

    private static boolean committing(TransactionData transaction) {
        return transaction.state() == TransactionState.COMMITTING;
    }

    @Override
    public String getPageTitle() {
        return "Transaction · " + environment + " · Tablecloud";
    }
}
