package dev.tablecloud.promotion;

import dev.tablecloud.export.CommittedChanges;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a promotion run puts before the target's reviewers, in words: the review's title and
 * description, and the script it runs, from the source changes it carries.
 */
record Proposal(PromotionData promotion, CommittedChanges changes, List<String> authors) {

    static final int TITLE_LENGTH = 200;

    /** "Promote mycompany-staging transactions 12, 13 to mycompany-prod" */
    String title() {
        String title = "Promote " + promotion.source() + " " + transactions() + " to " + promotion.target();
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** "transaction 12", "transactions 12, 13" */
    String transactions() {
        List<Long> ids = changes.transactionIds();
        return (ids.size() == 1 ? "transaction " : "transactions ")
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Markdown: where the changes come from, who made them, what was mapped or left out. */
    String description() {
        StringBuilder text = new StringBuilder("Promotion " + promotion.id() + " (" + promotion.route() + ", made by "
                + promotion.createdBy() + ") replays the changes committed in " + promotion.source()
                + " after audit position " + changes.after() + ", up to " + changes.upTo() + ":\n\n");
        changes.transactions().forEach(source -> text.append("- transaction ").append(source.transactionId())
                .append(" by ").append(String.join(", ", source.actors())).append('\n'));
        text.append("\nWho made them may not approve them here: ").append(String.join(", ", authors)).append(".\n");
        List<String> comments = changes.sql().comments();
        if (!comments.isEmpty()) {
            text.append("\nThe script says:\n\n");
            comments.forEach(comment -> text.append("- ").append(comment.substring(3)).append('\n'));
        }
        return text.toString();
    }

    /** The SQL the run executes in the target, headed by where it comes from. */
    String script() {
        StringBuilder script = new StringBuilder("-- Tablecloud promotion " + promotion.id() + ": " + promotion.route()
                + ", the changes of " + promotion.source() + " " + transactions() + " (audit positions "
                + (changes.after() + 1) + " to " + changes.upTo() + ")\n");
        changes.sql().comments().forEach(comment -> script.append(comment).append('\n'));
        changes.sql().statements().forEach(statement -> script.append(statement).append('\n'));
        return script.toString();
    }
}
