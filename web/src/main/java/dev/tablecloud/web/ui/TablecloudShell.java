package dev.tablecloud.web.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/**
 * The page around every view: the project's own theme (frontend/themes/tablecloud, over Lumo) and
 * server push, so a change another user makes reaches an open transaction page without a reload.
 */
@Theme("tablecloud")
@Push
public class TablecloudShell implements AppShellConfigurator {
}
