package dev.tablecloud.review;

import dev.tablecloud.transaction.PreviewRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a plan differs from the one a revision froze, in the words a reviewer reads: "+ create
 * subnet 10.0.3.0/24", "− delete vpc web", "~ update instance app (instance_type: t3.micro →
 * t3.small)". Rows are the same row when action, table and id are.
 */
final class PlanDifference {

    private PlanDifference() {
    }

    static List<String> between(List<PreviewRow> frozen, List<PreviewRow> now) {
        Map<String, PreviewRow> before = byPlace(frozen);
        Map<String, PreviewRow> after = byPlace(now);
        List<String> lines = new ArrayList<>();
        after.forEach((place, row) -> {
            PreviewRow old = before.get(place);
            if (old == null) {
                lines.add("+ " + line(row));
            } else if (!Objects.equals(old.changes(), row.changes()) || !Objects.equals(old.description(), row.description())) {
                lines.add("~ " + line(row) + " (" + String.join("; ", row.changes()) + ")");
            }
        });
        before.forEach((place, row) -> {
            if (!after.containsKey(place)) {
                lines.add("− " + line(row));
            }
        });
        return lines;
    }

    /** "revision 2 covered 12 actions, the plan now has 13 (+ create subnet 10.0.3.0/24)" */
    static String summary(int revision, List<PreviewRow> frozen, List<PreviewRow> now, boolean sqlChanged) {
        List<String> lines = between(frozen, now);
        String summary = "revision " + revision + " covered " + actions(frozen.size()) + ", the plan now has "
                + now.size();
        if (!lines.isEmpty()) {
            summary += " (" + String.join(", ", lines.subList(0, Math.min(5, lines.size())))
                    + (lines.size() > 5 ? ", and " + (lines.size() - 5) + " more" : "") + ")";
        } else if (sqlChanged) {
            summary += ", and the SQL of the changes is not what was approved";
        }
        return summary;
    }

    private static String actions(int count) {
        return count + (count == 1 ? " action" : " actions");
    }

    private static String line(PreviewRow row) {
        return row.action() + " " + row.tableName() + " " + row.description();
    }

    private static Map<String, PreviewRow> byPlace(List<PreviewRow> plan) {
        Map<String, PreviewRow> rows = new LinkedHashMap<>();
        plan.forEach(row -> rows.put(row.action() + "\u0000" + row.tableName() + "\u0000" + row.id(), row));
        return rows;
    }
}
