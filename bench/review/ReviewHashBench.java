import dev.tablecloud.review.ReviewHash;
import dev.tablecloud.transaction.PreviewRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hashing a review revision, the work a commit adds to its critical section when the review policy
 * asks for approvals: the plan rows and the SQL script of a change of many resources, in this JVM.
 * Prints the median and the slowest of the measured runs, after warm-up runs.
 *
 * <p>Arguments: plan rows (300), measured runs (200).
 */
public final class ReviewHashBench {

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<PreviewRow> plan = new ArrayList<>();
        StringBuilder sql = new StringBuilder("-- Tablecloud: the changes of transaction 7\n");
        for (int i = 0; i < rows; i++) {
            String block = "10." + (i / 256) + "." + (i % 256) + ".0/24";
            plan.add(new PreviewRow(i % 3 == 0 ? "update" : "create", i % 2 == 0 ? "subnet" : "security_group_rule",
                    String.valueOf(1000 + i), "app-" + i, List.of("cidr_block: null → " + block,
                    "tags: null → {\"Name\": \"app-" + i + "\", \"team\": \"shop\"}", "availability_zone: null → us-east-1a")));
            sql.append("INSERT INTO subnet (vpc_id, cidr_block, availability_zone, tags, region) VALUES ((SELECT id FROM vpc"
                    + " WHERE tags->>'Name' = 'app' AND region = 'us-east-1'), '").append(block)
                    .append("', 'us-east-1a', '{\"Name\": \"app-").append(i).append("\"}', 'us-east-1');\n");
        }
        String script = sql.toString();
        for (int i = 0; i < 200; i++) {
            ReviewHash.of(plan, script);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ReviewHash.of(plan, script);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("hash of a revision: %d plan rows, %d KB of SQL: median %.2f ms, slowest %.2f ms (%d runs)%n",
                rows, script.length() / 1024, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, runs);
    }
}
