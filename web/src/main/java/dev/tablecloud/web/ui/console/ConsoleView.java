package dev.tablecloud.web.ui.console;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.failure.ForbiddenException;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.sqlconsole.SqlConsoleService;
import dev.tablecloud.sqlconsole.SqlRunResult;
import dev.tablecloud.sqlconsole.SqlRunResult.StatementResult;
import dev.tablecloud.web.ui.Links;
import dev.tablecloud.web.ui.shell.EnvironmentNav;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * An environment's SQL console. Scripts run through {@link SqlConsoleService#run}, the bean behind
 * the REST SQL endpoint, so as the environment's restricted role and with the same answers. A user's
 * recent scripts live in the browser's localStorage, keyed by user and environment: they survive
 * sign-out and server restarts, cost the server nothing, and a script (which may hold a secret
 * value) never leaves the machine it was typed on.
 */
@Route(Links.ENVIRONMENTS + "/:name/console")
@PermitAll
public class ConsoleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final SqlEditor editor = new SqlEditor();
    final Button run = new Button("Run", VaadinIcon.PLAY.create());
    final Select<String> recent = new Select<>();
    final Span reason = new Span();
    final Span notice = new Span();
    final Div results = new Div();
    private final SqlConsoleService console;
    private final EnvironmentService environments;
    private final Access access;
    private RecentScripts recentScripts = new RecentScripts(List.of());
    private String environment = "";
    private String user = "";

    @Inject
    public ConsoleView(SqlConsoleService console, EnvironmentService environments, Access access) {
        this.console = console;
        this.environments = environments;
        this.access = access;
        addClassName("tc-page");
        editor.setId("sql-editor");
        editor.addClassName("tc-sql-editor");
        run.setId("run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setTooltipText("Runs the whole script (Ctrl+Enter in the editor)");
        run.addClickListener(click -> editor.requestRun());
        editor.addRunListener(event -> run(event.script));
        recent.setId("recent");
        recent.setPlaceholder("Recent scripts");
        recent.setItemLabelGenerator(RecentScripts::caption);
        recent.setEmptySelectionAllowed(false);
        recent.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                editor.setValue(change.getValue());
                editor.clearError();
            }
        });
        reason.setId("console-reason");
        reason.addClassName("tc-reason");
        notice.setId("run-notice");
        notice.addClassName("tc-run-notice");
        notice.setVisible(false);
        results.setId("results");
        results.addClassName("tc-results");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        environment = event.getRouteParameters().get("name").orElse("");
        environments.get(environment);
        user = access.caller();
        removeAll();
        EnvironmentNav pages = new EnvironmentNav(environment, EnvironmentNav.Page.CONSOLE);
        Span keys = new Span("Ctrl+Enter runs the script; each statement gets its own result.");
        keys.addClassName("tc-muted");
        HorizontalLayout toolbar = new HorizontalLayout(run, recent, keys);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(pages, new H2("SQL console"), reason, editor, toolbar, notice, results);
        String refusal = refusal();
        editor.setReadOnly(refusal != null);
        run.setEnabled(refusal == null);
        reason.setText(refusal == null ? "" : refusal);
        reason.setVisible(refusal != null);
        showRecent();
    }

    private String refusal() {
        try {
            access.require(environment, Role.AUTHOR, "run SQL");
            return null;
        } catch (ForbiddenException refused) {
            return refused.getMessage();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs("return localStorage.getItem($0)", storageKey()).then(JsonValue.class, stored -> {
            recentScripts = new RecentScripts(parse(stored));
            showRecent();
        });
    }

    void run(String script) {
        editor.clearError();
        recentScripts.ran(script);
        showRecent();
        store();
        SqlRunResult result = console.run(environment, script);
        show(script, result);
    }

    void show(String script, SqlRunResult result) {
        results.removeAll();
        notice.setText(result.notice() == null ? "" : result.notice());
        notice.setVisible(result.notice() != null);
        int number = 0;
        for (StatementResult statement : result.statements()) {
            number++;
            ErrorPlace place = statement.error() == null ? null : ErrorPlace.of(script, statement.error().position());
            results.add(new StatementResultView(number, statement, place));
            if (place != null) {
                editor.markError(place.offset(), StatementResultView.errorHeadline(statement.error(), place));
            }
        }
    }

    private void showRecent() {
        List<String> scripts = recentScripts.list();
        recent.setItems(scripts);
        recent.setEnabled(!scripts.isEmpty());
    }

    private void store() {
        JsonArray array = Json.createArray();
        List<String> scripts = recentScripts.list();
        for (int i = 0; i < scripts.size(); i++) {
            array.set(i, scripts.get(i));
        }
        getElement().executeJs("localStorage.setItem($0, $1)", storageKey(), array.toJson());
    }

    private String storageKey() {
        return RecentScripts.storageKey(user, environment);
    }

    /** What the browser kept, or nothing when it kept nothing readable (another version, a hand edit). */
    static List<String> parse(JsonValue stored) {
        List<String> scripts = new ArrayList<>();
        if (stored == null || stored.getType() != JsonType.STRING) {
            return scripts;
        }
        try {
            JsonValue parsed = Json.instance().parse(stored.asString());
            if (parsed.getType() == JsonType.ARRAY) {
                JsonArray array = (JsonArray) parsed;
                for (int i = 0; i < array.length(); i++) {
                    if (array.get(i).getType() == JsonType.STRING) {
                        scripts.add(array.getString(i));
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            return scripts;
        }
        return scripts;
    }

    @Override
    public String getPageTitle() {
        return "SQL console · " + environment + " · Tablecloud";
    }
}
