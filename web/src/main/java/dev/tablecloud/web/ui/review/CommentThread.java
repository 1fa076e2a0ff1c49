package dev.tablecloud.web.ui.review;

import dev.tablecloud.web.ui.Times;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dev.tablecloud.review.ReviewData;

import java.util.List;

/**
 * The review's comments, oldest first (those on a plan line say which), and a box to add one. A
 * comment's HTML is the engine's rendering of its markdown, with any HTML typed into it escaped.
 */
class CommentThread extends Div {

    final Div entries = new Div();
    final TextArea text = new TextArea();
    final Button post = new Button("Comment");
    final Paragraph reason = new Paragraph();

    CommentThread() {
        setId("comments");
        addClassNames("tc-card", "tc-comments");
        entries.setId("comment-list");
        text.setId("comment-text");
        text.setPlaceholder("A comment on the review (markdown)");
        text.setWidthFull();
        post.setId("post-comment");
        reason.setId("comment-reason");
        reason.addClassName("tc-reason");
        add(new H3("Comments"), entries, text, post, reason);
    }

    /** @param refusal why the caller may not comment (the role the engine asks for), or null */
    void show(List<ReviewData.Comment> comments, String refusal) {
        entries.removeAll();
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph("No comments yet.");
            none.addClassName("tc-empty");
            entries.add(none);
        }
        comments.forEach(comment -> entries.add(entry(comment, true)));
        text.setEnabled(refusal == null);
        post.setEnabled(refusal == null);
        reason.setText(refusal == null ? "" : refusal);
        reason.setVisible(refusal != null);
    }

    static Div entry(ReviewData.Comment comment, boolean nameTheLine) {
        Div entry = new Div();
        entry.addClassName("tc-comment");
        Span who = new Span(comment.actor() + " · " + Times.of(comment.commentedAt()) + " · revision " + comment.revision()
                + (nameTheLine && comment.planRow() != null ? " · on " + comment.planRow().action() + " "
                + comment.planRow().tableName() + " " + rowLabel(comment.planRow().id()) : ""));
        who.addClassName("tc-comment-meta");
        entry.add(who, new Html("<div class=\"tc-comment-body\">" + comment.html() + "</div>"));
        return entry;
    }

    /** "row 12" for a table row's id, a cloud id as it is (as the diff names them). */
    static String rowLabel(String id) {
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit) ? "row " + id : id;
    }
}
