package dev.tablecloud.web.ui.review;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import dev.tablecloud.review.PlanRowRef;
import dev.tablecloud.review.ReviewData;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.web.ui.transaction.PreviewDiff;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A revision's plan as the transaction page's coloured diff, each line with the comments made on
 * it and, on the current revision, a button to comment on it.
 */
class ReviewPlan extends Div {

    final PreviewDiff diff;
    private BiConsumer<PreviewRow, PlanRowRef> onComment = (row, ref) -> { };

    ReviewPlan(Function<String, Set<String>> replacedOn) {
        diff = new PreviewDiff(replacedOn);
        setId("review-plan");
        add(diff);
    }

    void onComment(BiConsumer<PreviewRow, PlanRowRef> listener) {
        onComment = listener;
    }

    /** @param commentable whether the line buttons show (the current revision of an open review, to an author or reviewer) */
    void show(ReviewData.Revision revision, List<ReviewData.Comment> comments, boolean commentable) {
        diff.show(revision.plan(), (row, block) -> {
            PlanRowRef ref = new PlanRowRef(row.action(), row.tableName(), row.id());
            block.getElement().setAttribute("data-line", lineKey(ref));
            List<ReviewData.Comment> onLine = comments.stream()
                    .filter(comment -> comment.revision() == revision.number() && ref.equals(comment.planRow())).toList();
            if (!onLine.isEmpty()) {
                Div thread = new Div();
                thread.addClassName("tc-line-comments");
                onLine.forEach(comment -> thread.add(CommentThread.entry(comment, false)));
                block.add(thread);
            }
            if (commentable) {
                Button comment = new Button("Comment on this line", click -> onComment.accept(row, ref));
                comment.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                comment.addClassName("tc-line-comment");
                comment.setId("comment-line-" + lineKey(ref));
                block.add(comment);
            }
        });
    }

    /** "create-vpc-12": an id-safe name of a plan line. */
    static String lineKey(PlanRowRef ref) {
        return (ref.action() + "-" + ref.tableName() + "-" + ref.id()).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
