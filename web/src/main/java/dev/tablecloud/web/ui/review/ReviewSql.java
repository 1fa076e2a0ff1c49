package dev.tablecloud.web.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.tablecloud.review.ReviewData;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A revision's exported SQL — the portable statements its approvals approve — with a button that
 * copies it and a link that downloads it as a file.
 */
class ReviewSql extends Div {

    final Pre sql = new Pre();
    final Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
    final Anchor download = new Anchor();
    private volatile String script = "";
    private volatile String file = "review.sql";

    ReviewSql() {
        setId("review-sql-card");
        sql.setId("review-sql");
        sql.addClassName("tc-json");
        copy.setId("copy-sql");
        copy.addClickListener(click -> copy.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", script)
                .then(done -> Notification.show("SQL copied.", 3000, Notification.Position.BOTTOM_START),
                        failed -> Notification.show("The browser refused the clipboard: select the SQL and copy it.",
                                5000, Notification.Position.BOTTOM_START)));
        download.setId("download-sql");
        // Registered once the page shows it (a handler needs the UI); it serves the revision shown then.
        addAttachListener(attach -> download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/sql; charset=UTF-8",
                    bytes.length);
        }), AttachmentType.DOWNLOAD));
        Div actions = new Div(copy, download);
        actions.addClassName("tc-actions");
        add(actions, sql);
    }

    void show(long reviewId, ReviewData.Revision revision) {
        script = revision.sql() == null ? "" : revision.sql();
        sql.setText(script.isEmpty() ? "-- no SQL: the transaction changed no rows" : script);
        file = fileName(reviewId, revision.number());
        download.setText("Download " + file);
    }

    static String fileName(long reviewId, int revision) {
        return "review-" + reviewId + "-revision-" + revision + ".sql";
    }
}
