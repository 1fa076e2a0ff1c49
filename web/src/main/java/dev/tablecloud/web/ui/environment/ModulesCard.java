package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.tablecloud.install.InstallReport;
import dev.tablecloud.install.ModuleService;
import dev.tablecloud.install.ModuleStatus;

import java.util.List;

/**
 * The modules of the catalog, installed or not, each with what it needs and what needs it. The
 * engine decides whether an install or uninstall may happen: a module it says cannot be uninstalled
 * now (a dependent installed, the base module) has its button disabled with the engine's reason
 * beside it; any other refusal is the notification.
 */
class ModulesCard extends Div {

    final Grid<ModuleStatus> grid = new Grid<>(ModuleStatus.class, false);
    private final ModuleService modules;
    private final String environment;
    private final Runnable afterChange;
    private final String roleRefusal;
    private List<ModuleStatus> shown = List.of();

    /** @param roleRefusal the engine's refusal of the author role to this user, or null when they hold it */
    ModulesCard(ModuleService modules, String environment, String roleRefusal, Runnable afterChange) {
        this.modules = modules;
        this.environment = environment;
        this.roleRefusal = roleRefusal;
        this.afterChange = afterChange;
        addClassName("tc-card");
        setId("modules");
        grid.setId("modules-grid");
        grid.addColumn(ModuleStatus::moduleName).setHeader("Module").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModuleStatus::moduleVersion).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(module -> String.join(", ", module.dependencies())).setHeader("Needs").setFlexGrow(1);
        grid.addColumn(module -> String.join(", ", neededBy(module.moduleName(), shown)))
                .setHeader("Needed by (installed)").setFlexGrow(1);
        grid.addComponentColumn(ModulesCard::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::action).setHeader("").setWidth("22em").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(new H3("Modules"), grid);
        if (roleRefusal != null) {
            Span reason = new Span(roleRefusal);
            reason.addClassName("tc-reason");
            add(reason);
        }
        refresh();
    }

    void refresh() {
        shown = modules.list(environment);
        grid.setItems(shown);
    }

    /** The installed modules that depend on this one: they must go first. */
    static List<String> neededBy(String module, List<ModuleStatus> all) {
        return all.stream().filter(ModuleStatus::installed).filter(other -> other.dependencies().contains(module))
                .map(ModuleStatus::moduleName).toList();
    }

    private static Span state(ModuleStatus module) {
        Span badge = new Span(module.installed() ? "installed" : "not installed");
        badge.getElement().getThemeList().add(module.installed() ? "badge success" : "badge contrast");
        return badge;
    }

    private Div action(ModuleStatus module) {
        Button button = new Button(module.installed() ? "Uninstall" : "Install");
        button.setId((module.installed() ? "uninstall-" : "install-") + module.moduleName());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                module.installed() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        String refusal = refusal(module, roleRefusal);
        button.setEnabled(refusal == null);
        button.setTooltipText(refusal);
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                if (module.installed()) {
                    uninstall(module.moduleName());
                } else {
                    install(module.moduleName());
                }
            } finally {
                button.setEnabled(true);
            }
        });
        Div cell = new Div(button);
        cell.addClassName("tc-module-action");
        // The role refusal is said once under the grid; a module's own reason is said beside its button.
        if (roleRefusal == null && module.installed() && module.uninstallRefusal() != null) {
            Span why = new Span(module.uninstallRefusal());
            why.setId("why-not-uninstall-" + module.moduleName());
            why.addClassName("tc-reason");
            cell.add(why);
        }
        return cell;
    }

    /** Why the module's button is disabled for this user now, or null when it is enabled. */
    static String refusal(ModuleStatus module, String roleRefusal) {
        if (roleRefusal != null) {
            return roleRefusal;
        }
        return module.installed() ? module.uninstallRefusal() : null;
    }

    void install(String module) {
        InstallReport report = modules.install(environment, module);
        refresh();
        afterChange.run();
        Notification.show(describe(module, report)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void uninstall(String module) {
        modules.uninstall(environment, module);
        refresh();
        afterChange.run();
        Notification.show("Uninstalled " + module + ": its tables are dropped; the cloud keeps its resources.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static String describe(String module, InstallReport report) {
        if (report.installedModules().isEmpty()) {
            return module + " was installed already.";
        }
        return "Installed " + String.join(", ", report.installedModules()) + ": " + report.createdTables().size()
                + " tables, " + report.imported().inserted() + " rows imported from the cloud.";
    }
}
