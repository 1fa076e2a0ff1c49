package dev.tablecloud.web.ui.environment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.tablecloud.browse.TableBrowseService;
import dev.tablecloud.sync.SyncReport;
import dev.tablecloud.sync.SyncService;

/** When a sync last found a difference, and a button that syncs now and says what it changed. */
class SyncCard extends Div {

    final Facts facts = new Facts();
    final Button sync = new Button("Sync now");
    final Span report = new Span();
    private final TableBrowseService browse;
    private final SyncService syncService;
    private final String environment;
    private final Runnable afterSync;

    SyncCard(TableBrowseService browse, SyncService syncService, String environment, String roleRefusal,
             Runnable afterSync) {
        this.browse = browse;
        this.syncService = syncService;
        this.environment = environment;
        this.afterSync = afterSync;
        addClassName("tc-card");
        setId("sync");
        sync.setId("sync-now");
        sync.setDisableOnClick(true);
        sync.addClickListener(click -> {
            try {
                sync();
            } finally {
                sync.setEnabled(roleRefusal == null);
            }
        });
        if (roleRefusal != null) {
            sync.setEnabled(false);
            sync.setTooltipText(roleRefusal);
        }
        report.setId("sync-report");
        report.addClassNames("tc-reason", "tc-answer");
        add(new H3("Sync"), facts, sync, report);
        if (roleRefusal != null) {
            // A disabled button shows no tooltip on hover (Vaadin 24), so the reason is also text.
            report.setText(roleRefusal);
        }
        refresh();
    }

    void refresh() {
        facts.clear().fact("Last sync change", Facts.time(browse.lastSyncChange(environment).orElse(null)));
    }

    void sync() {
        SyncReport done = syncService.sync(environment);
        report.setText(" " + describe(done));
        refresh();
        afterSync.run();
        Notification.show("Synced " + environment + ": " + describe(done))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static String describe(SyncReport report) {
        if (report.inserted() + report.updated() + report.deleted() == 0) {
            return "the tables already matched the cloud (" + report.apiCalls() + " API calls, " + report.millis() + " ms).";
        }
        return report.inserted() + " inserted, " + report.updated() + " updated, " + report.deleted() + " deleted ("
                + report.apiCalls() + " API calls, " + report.millis() + " ms).";
    }
}
