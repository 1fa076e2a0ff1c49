package dev.tablecloud.web.ui.promotion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.promotion.PromotionData;
import dev.tablecloud.promotion.PromotionRunData;
import dev.tablecloud.promotion.PromotionService;
import dev.tablecloud.security.Role;
import dev.tablecloud.security.UserService;
import dev.tablecloud.web.ui.Links;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Promotions from one environment into another (DESIGN §7): what each carries and how far it got,
 * set one up, run it now, pause, resume or delete it; a promotion's runs with their reviews, their
 * scripts and why one stopped.
 */
@Route(Links.PROMOTIONS)
@PermitAll
public class PromotionsView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    static final int RUNS_SHOWN = 50;

    final PromotionForm form;
    final PromotionsGrid promotions = new PromotionsGrid();
    final H3 runsTitle = new H3();
    final Button runNow = new Button("Run now");
    final Button pause = new Button("Pause");
    final Button resume = new Button("Resume");
    final Button delete = new Button("Delete");
    final PromotionRunsGrid runs = new PromotionRunsGrid();
    final Details script = new Details();
    final Pre scriptText = new Pre();
    private final PromotionService service;

    @Inject
    public PromotionsView(PromotionService service, EnvironmentService environments, UserService users) {
        this.service = service;
        addClassName("tc-page");
        H2 title = new H2("Promotions");
        title.setId("promotions-title");
        Paragraph about = new Paragraph("A promotion replays the changes committed in one environment in another:"
                + " each run begins a transaction in the target, runs the exported SQL with the target's value"
                + " mappings, and opens a review there. The position moves only when the target commits, so nothing"
                + " is lost or applied twice; whoever made a change may not approve it in the target.");
        about.addClassName("tc-muted");
        form = new PromotionForm(environments.list().stream().map(EnvironmentData::name).toList());
        form.create.addClickListener(click -> create());
        Details setUp = new Details("Set up a promotion", form);
        setUp.setId("promotion-set-up");
        setUp.setOpened(false);
        setUp.setVisible(users.me().roles().stream().anyMatch(grant -> Role.ADMIN.label().equals(grant.role())));

        promotions.setId("promotions");
        promotions.setAllRowsVisible(true);
        promotions.addSelectionListener(selection -> showRuns(selection.getFirstSelectedItem()));
        runNow.setId("promotion-run-now");
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.addClickListener(click -> selected().ifPresent(this::runNow));
        pause.setId("promotion-pause");
        pause.addClickListener(click -> selected().ifPresent(promotion -> changed(service.pause(promotion.id()))));
        resume.setId("promotion-resume");
        resume.addClickListener(click -> selected().ifPresent(promotion -> changed(service.resume(promotion.id()))));
        delete.setId("promotion-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> selected().ifPresent(this::confirmDelete));
        runsTitle.setId("promotion-runs-title");
        HorizontalLayout actions = new HorizontalLayout(runNow, pause, resume, delete);
        runs.setId("promotion-run-history");
        runs.setHeight("min(28rem, 50vh)");
        runs.addSelectionListener(selection -> showScript(selection.getFirstSelectedItem()));
        scriptText.setId("promotion-script");
        scriptText.addClassName("tc-json");
        script.add(scriptText);
        script.setId("promotion-script-details");
        add(title, about, setUp, promotions, runsTitle, actions, runs, script);
    }

    /** {@code /promotions/5} opens with promotion 5 and its runs; {@code /promotions} with the first. */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long promotionId) {
        refresh(promotionId);
    }

    private Optional<PromotionData> selected() {
        return promotions.getSelectedItems().stream().findFirst();
    }

    void create() {
        try {
            PromotionData created = service.create(form.value());
            form.clear();
            refresh(created.id());
            Notification.show("Promotion " + created.id() + " (" + created.route() + ") set up: "
                    + created.describeSchedule() + ".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            form.showErrors(invalid.errors());
        }
    }

    private void runNow(PromotionData promotion) {
        PromotionRunData run = service.runNow(promotion.id());
        refresh(promotion.id());
        Notification shown = Notification.show("Run " + run.id() + ": " + run.message(), 8000,
                Notification.Position.BOTTOM_START);
        shown.addThemeVariants(run.outcome().equals(PromotionRunData.FAILED)
                || run.outcome().equals(PromotionRunData.CONFLICT) ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_SUCCESS);
    }

    private void changed(PromotionData promotion) {
        refresh(promotion.id());
    }


    private void confirmDelete(PromotionData promotion) {
        ConfirmDialog dialog = new ConfirmDialog("Delete promotion " + promotion.id() + "?",
                "It stops running; what it promoted stays in " + promotion.target() + ", and a transaction a run left"
                        + " open there stays open.", "Delete", confirm -> {
            service.delete(promotion.id());
            refresh(null);
        });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Shows the promotions again, keeping {@code selectId} (or the one selected) selected. */
    void refresh(Long selectId) {
        Long keep = selectId != null ? selectId : selected().map(PromotionData::id).orElse(null);
        List<PromotionData> all = service.list();
        promotions.setItems(all);
        all.stream().filter(promotion -> keep != null && promotion.id() == keep).findFirst()
                .or(() -> all.stream().findFirst()).ifPresentOrElse(promotions::select, () -> showRuns(Optional.empty()));
    }

    private void showRuns(Optional<PromotionData> promotion) {
        boolean chosen = promotion.isPresent();
        // The address names the promotion shown, so that it can be passed on.
        promotion.ifPresent(shown -> UI.getCurrent().getPage().getHistory().replaceState(null, Links.promotion(shown.id())));
        runsTitle.setText(promotion.map(shown -> "Runs of promotion " + shown.id() + " · " + shown.route()
                + " · made by " + shown.createdBy()).orElse("Runs"));
        runNow.setEnabled(chosen);
        pause.setVisible(chosen && !promotion.get().paused());
        resume.setVisible(chosen && promotion.get().paused());
        delete.setEnabled(chosen);
        List<PromotionRunData> shown = promotion.map(selectedPromotion -> service.runs(selectedPromotion.id(), RUNS_SHOWN))
                .orElse(List.of());
        runs.setItems(shown);
        shown.stream().findFirst().ifPresentOrElse(runs::select, () -> showScript(Optional.empty()));
    }

    private void showScript(Optional<PromotionRunData> run) {
        script.setVisible(run.map(PromotionRunData::script).isPresent());
        run.ifPresent(shown -> {
            script.setSummaryText("Script of run " + shown.id() + (shown.statementNumber() == null ? ""
                    : " · stopped at statement " + shown.statementNumber()));
            scriptText.setText(shown.script());
        });
    }

    @Override
    public String getPageTitle() {
        return "Promotions · Tablecloud";
    }
}
