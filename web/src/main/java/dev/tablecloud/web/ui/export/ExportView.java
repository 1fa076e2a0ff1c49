package dev.tablecloud.web.ui.export;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.tablecloud.audit.AuditLogService;
import dev.tablecloud.audit.CommittedTransaction;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.export.ExportService;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.mapping.MappingData;
import dev.tablecloud.mapping.MappingService;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.Times;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import dev.tablecloud.web.ui.failure.FailureNotification;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An environment's SQL export: a committed transaction (or the changes since a moment), for a
 * target environment or none; and this environment's value mappings. {@code ?transaction=12&target=prod}
 * or {@code ?since=2026-12-01T09:00:00Z} opens the page on that export.
 */
@Route(Links.ENVIRONMENTS + "/:name/export")
@PermitAll
public class ExportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String TRANSACTION = "a committed transaction";
    static final String SINCE = "the changes since a moment";
    static final String NO_TARGET = "";
    static final int TRANSACTIONS_LISTED = 200;

    final Select<String> what = new Select<>();
    final Select<CommittedTransaction> transaction = new Select<>();
    final DateTimePicker since = new DateTimePicker("Since (UTC)");
    final Select<String> target = new Select<>();
    final ExportedSql exported = new ExportedSql();
    private final Div nothing = new Div();
    private final AuditLogService audit;
    private final ExportService exports;
    private final EnvironmentService environments;
    private final MappingService mappings;
    private final Access access;
    private String environment = "";
    /** False while the page sets its fields from the address: one export when it is done, not one per field. */
    private boolean ready;

    @Inject
    public ExportView(AuditLogService audit, ExportService exports, EnvironmentService environments,
                      MappingService mappings, Access access) {
        this.audit = audit;
        this.exports = exports;
        this.environments = environments;
        this.mappings = mappings;
        this.access = access;
        addClassName("tc-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ready = false;
        environment = event.getRouteParameters().get("name").orElse("");
        environments.get(environment);
        removeAll();
        EnvironmentNav pages = new EnvironmentNav(environment, EnvironmentNav.Page.EXPORT);
        H2 title = new H2("Export SQL");
        title.setId("export-title");
        List<CommittedTransaction> committed = audit.committedTransactions(environment, TRANSACTIONS_LISTED);
        add(pages, title, choices(committed), nothing, exported, mappingsEditor());
        QueryParameters asked = event.getLocation().getQueryParameters();
        first(asked, "target").filter(name -> target.getListDataView().contains(name)).ifPresent(target::setValue);
        Optional<Instant> askedSince = first(asked, "since").flatMap(ExportView::instant);
        Optional<Long> askedTransaction = first(asked, "transaction").flatMap(ExportView::number);
        if (askedSince.isPresent()) {
            what.setValue(SINCE);
            since.setValue(LocalDateTime.ofInstant(askedSince.get(), ZoneOffset.UTC));
        } else {
            askedTransaction.flatMap(id -> committed.stream().filter(tx -> tx.id() == id).findFirst())
                    .or(() -> committed.stream().findFirst())
                    .ifPresent(transaction::setValue);
        }
        showChoice();
        ready = true;
        export();
    }

    private HorizontalLayout choices(List<CommittedTransaction> committed) {
        what.setId("export-what");
        what.setLabel("Export");
        what.setItems(TRANSACTION, SINCE);
        what.setValue(TRANSACTION);
        what.addClassName("tc-export-what");
        what.addValueChangeListener(change -> {
            showChoice();
            export();
        });
        transaction.setId("export-transaction");
        transaction.setLabel("Transaction");
        transaction.setItems(committed);
        transaction.setItemLabelGenerator(ExportView::label);
        transaction.setEmptySelectionAllowed(false);
        transaction.setEnabled(!committed.isEmpty());
        transaction.addClassName("tc-export-transaction");
        transaction.addValueChangeListener(change -> export());
        since.setId("export-since");
        since.setStep(java.time.Duration.ofMinutes(1));
        since.addValueChangeListener(change -> export());
        List<String> targets = new ArrayList<>();
        targets.add(NO_TARGET);
        environments.list().stream().map(EnvironmentData::name).filter(name -> !name.equals(environment))
                .forEach(targets::add);
        target.setId("export-target");
        target.setLabel("For environment");
        target.setItems(targets);
        target.setItemLabelGenerator(name -> name.isEmpty() ? "none (no mappings)" : name);
        target.setValue(NO_TARGET);
        target.addValueChangeListener(change -> export());
        HorizontalLayout choices = new HorizontalLayout(what, transaction, since, target);
        choices.setAlignItems(FlexComponent.Alignment.BASELINE);
        choices.setWrap(true);
        return choices;
    }

    private void showChoice() {
        boolean ofTransaction = TRANSACTION.equals(what.getValue());
        transaction.setVisible(ofTransaction);
        since.setVisible(!ofTransaction);
    }

    void export() {
        if (!ready) {
            return;
        }
        nothing.removeAll();
        String to = target.getValue() == null || target.getValue().isEmpty() ? null : target.getValue();
        TransactionSql sql;
        Instant from = null;
        if (TRANSACTION.equals(what.getValue())) {
            if (transaction.getValue() == null) {
                exported.setVisible(false);
                nothing.add(ExportedSql.nothing(environment + " has no committed transaction yet: commit one, or"
                        + " export the changes since a moment."));
                return;
            }
            sql = run(() -> exports.forTransaction(environment, transaction.getValue().id(), to));
        } else {
            if (since.getValue() == null) {
                exported.setVisible(false);
                nothing.add(ExportedSql.nothing("Choose the moment the changes start at."));
                return;
            }
            from = since.getValue().toInstant(ZoneOffset.UTC);
            Instant start = from;
            sql = run(() -> exports.since(environment, start, to));
        }
        if (sql != null) {
            exported.show(environment, sql, from);
        }
    }

    private TransactionSql run(java.util.function.Supplier<TransactionSql> export) {
        try {
            return export.get();
        } catch (RuntimeException failed) {
            exported.setVisible(false);
            FailureNotification.show(failed);
            return null;
        }
    }

    private MappingsEditor mappingsEditor() {
        String name = environment;
        String refusal;
        try {
            access.require(name, Role.ADMIN, "change the value mappings of environment '" + name + "'");
            refusal = null;
        } catch (ForbiddenException refused) {
            refusal = refused.getMessage();
        }
        return new MappingsEditor(name, new MappingsEditor.Mappings() {
            @Override
            public List<MappingData> list() {
                return mappings.list(name);
            }

            @Override
            public MappingData add(MappingData mapping) {
                return mappings.add(name, mapping);
            }

            @Override
            public MappingData update(long id, MappingData mapping) {
                return mappings.update(name, id, mapping);
            }

            @Override
            public void remove(long id) {
                mappings.remove(name, id);
            }
        }, refusal);
    }

    static String label(CommittedTransaction tx) {
        return "#" + tx.id() + " · " + (tx.committedBy() == null ? tx.openedBy() : tx.committedBy())
                + (tx.committedAt() == null ? "" : " · " + Times.of(tx.committedAt()));
    }

    private static Optional<String> first(QueryParameters parameters, String name) {
        return parameters.getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException notAMoment) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.valueOf(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return "Export SQL · " + environment + " · Tablecloud";
    }
}
