package dev.tablecloud.review;

import dev.tablecloud.secret.Digests;
import dev.tablecloud.transaction.PreviewRow;

import java.util.Comparator;
import java.util.List;

/**
 * The hash that binds an approval to what was approved: SHA-256 over a canonical form of the plan
 * rows and the SQL script. Canonical: rows sorted by table, id and action (the planner's order of
 * independent steps may differ between two plans of the same change), fields separated by
 * characters that no value holds unescaped.
 */
public final class ReviewHash {

    private static final Comparator<PreviewRow> CANONICAL = Comparator.comparing(PreviewRow::tableName)
            .thenComparing(PreviewRow::id).thenComparing(PreviewRow::action);

    private ReviewHash() {
    }

    public static String of(List<PreviewRow> plan, String sqlScript) {
        StringBuilder canonical = new StringBuilder("tablecloud-review-v1\nplan\n");
        plan.stream().sorted(CANONICAL).forEach(row -> {
            canonical.append(field(row.action())).append('\t').append(field(row.tableName())).append('\t')
                    .append(field(row.id())).append('\t').append(field(row.description()));
            row.changes().forEach(change -> canonical.append('\t').append(field(change)));
            canonical.append('\n');
        });
        canonical.append("sql\n").append(sqlScript);
        return Digests.sha256Hex(canonical.toString());
    }

    private static String field(String value) {
        return value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
