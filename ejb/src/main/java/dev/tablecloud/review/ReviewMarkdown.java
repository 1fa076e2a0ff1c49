package dev.tablecloud.review;

import dev.tablecloud.export.TransactionSql;
import dev.tablecloud.transaction.PreviewRow;
import dev.tablecloud.transaction.TransactionData;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transaction as markdown for reviewers: the title, the description as written (it is
 * markdown), what the commit would do in the cloud, and the whole SQL of the transaction (IaSQL
 * embedded its first statement only).
 */
public final class ReviewMarkdown {

    private static final Pattern BACKTICK_RUNS = Pattern.compile("`+");

    private ReviewMarkdown() {
    }

    public static String of(String title, String description, String environment, TransactionData transaction,
                            List<PreviewRow> preview, TransactionSql sql) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("# ").append(oneLine(title)).append("\n\n");
        if (description != null && !description.isBlank()) {
            markdown.append(description.strip()).append("\n\n");
        }
        markdown.append("Transaction ").append(transaction.id()).append(" in `").append(oneLine(environment))
                .append("`, opened by ").append(oneLine(transaction.openedBy())).append(" at ")
                .append(transaction.openedAt()).append(".\n\n");
        markdown.append("## What the commit does in the cloud\n\n");
        if (preview.isEmpty()) {
            markdown.append("Nothing: the cloud already matches the rows.\n\n");
        } else {
            markdown.append("| Action | Table | Id | Resource | Changes |\n|---|---|---|---|---|\n");
            for (PreviewRow row : preview) {
                markdown.append("| ").append(cell(row.action())).append(" | ").append(cell(row.tableName()))
                        .append(" | ").append(cell(row.id())).append(" | ").append(cell(row.description()))
                        .append(" | ").append(cell(String.join("\n", row.changes()))).append(" |\n");
            }
            markdown.append('\n');
        }
        markdown.append("## SQL\n\n");
        String script = sql.script();
        String fence = fenceFor(script);
        markdown.append(fence).append("sql\n").append(script).append(fence).append('\n');
        return markdown.toString();
    }

    /** A table cell: pipes escaped, lines joined with line breaks, so no value breaks the table. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", "")
                .replace("\n", "<br>");
    }

    /** A code fence longer than any run of backticks in the code: the code cannot close it. */
    static String fenceFor(String code) {
        int longest = 0;
        Matcher runs = BACKTICK_RUNS.matcher(code);
        while (runs.find()) {
            longest = Math.max(longest, runs.end() - runs.start());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ').strip();
    }
}
