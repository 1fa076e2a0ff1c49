package dev.tablecloud.web.ui.export;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.mapping.FiredMapping;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One export as a person reads it: the script (read-only, with a copy button and a download of
 * exactly the same text), the target's mappings that changed something, and the changes left out.
 */
class ExportedSql extends Div {

    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final Pre script = new Pre();
    final Button copy = new Button("Copy", VaadinIcon.COPY.create());
    final Anchor download = new Anchor();
    final UnorderedList fired = new UnorderedList();
    final UnorderedList problems = new UnorderedList();
    private final Div mappedPart = new Div();
    private final Div problemsPart = new Div();
    private String text = "";

    ExportedSql() {
        setId("exported");
        addClassName("tc-export");
        script.setId("export-sql");
        script.addClassName("tc-export-sql");
        copy.setId("copy-sql");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(click -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", text)
                .then(done -> Notification.show("SQL copied.", 2_000, Notification.Position.BOTTOM_START),
                        failed -> Notification.show("The browser refused the clipboard: select the SQL and copy it.",
                                5_000, Notification.Position.BOTTOM_START)));
        download.setId("download-sql");
        download.addClassName("tc-download");
        fired.setId("fired-mappings");
        problems.setId("export-problems");
        mappedPart.add(new H3("Mappings that fired"), fired);
        problemsPart.add(new H3("Not exported"), problems);
        mappedPart.addClassName("tc-export-notes");
        problemsPart.addClassName("tc-export-notes");
        HorizontalLayout actions = new HorizontalLayout(copy, download);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(actions, script, mappedPart, problemsPart);
        setVisible(false);
    }

    void show(String environment, TransactionSql sql, Instant since) {
        text = sql.script();
        script.setText(text);
        String fileName = fileName(environment, sql.transactionId(), since);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, "application/sql", bytes.length)), AttachmentType.DOWNLOAD);
        download.removeAll();
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(" Download " + fileName));
        download.getElement().setAttribute("data-file", fileName);
        fired.removeAll();
        if (sql.target() == null) {
            fired.add(muted("No target chosen: no value mappings apply."));
        } else if (sql.mapped().isEmpty()) {
            fired.add(muted("None of " + sql.target() + "'s mappings changed anything here."));
        }
        sql.mapped().forEach(mapping -> fired.add(fired(mapping)));
        problems.removeAll();
        if (sql.problems().isEmpty()) {
            problems.add(muted("Every change was exported."));
        }
        sql.problems().forEach(problem -> {
            ListItem item = new ListItem(problem);
            item.addClassName("tc-export-problem");
            problems.add(item);
        });
        setVisible(true);
    }

    String text() {
        return text;
    }

    /** {@code staging-tx12.sql}; the changes since a moment: {@code staging-since-20261201-090000.sql}. */
    static String fileName(String environment, Long transactionId, Instant since) {
        String safe = environment.replaceAll("[^A-Za-z0-9._-]", "_");
        return transactionId != null ? safe + "-tx" + transactionId + ".sql"
                : safe + "-since-" + FILE_TIME.format(since) + ".sql";
    }

    private static ListItem fired(FiredMapping mapping) {
        ListItem item = new ListItem();
        Span what = new Span(mapping.mapping().describe());
        what.addClassName("tc-export-mapping");
        item.add(what);
        if (!mapping.rewrites().isEmpty()) {
            Span rewrites = new Span(" — " + String.join("; ", mapping.rewrites()));
            rewrites.addClassName("tc-muted");
            item.add(rewrites);
        }
        return item;
    }

    private static ListItem muted(String text) {
        ListItem item = new ListItem(text);
        item.addClassName("tc-empty");
        return item;
    }

    /** Shown instead of an export when there is nothing to export yet. */
    static Paragraph nothing(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName("tc-empty");
        paragraph.setId("export-nothing");
        return paragraph;
    }
}
