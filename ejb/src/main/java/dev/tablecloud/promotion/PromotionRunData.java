package dev.tablecloud.promotion;

import java.time.Instant;
import java.util.List;

/**
 * A run of a promotion, as the outside sees it.
 *
 * @param outcome             {@value #PROMOTED}, {@value #NOTHING}, {@value #SKIPPED}, {@value #FAILED},
 *                            {@value #CONFLICT}, or {@value #RUNNING} while it runs
 * @param sourceTransactions  the source's committed transactions it carries
 * @param sourceAuthors       who made those changes (they may not approve them in the target)
 * @param fromPosition        the source's audit position it started after
 * @param upToPosition        the last source audit position it carries; null when it carried nothing
 * @param targetTransactionId the transaction it began in the target, or null
 * @param reviewId            the review it opened in the target, or null
 * @param statementNumber     the statement of the script that stopped it (1-based), or null
 * @param script              the SQL it ran in the target, with what was left out or mapped as comments
 * @param settled             how its target transaction ended: {@value #COMMITTED} (the position moved) or
 *                            {@value #ROLLED_BACK} (proposed again next run); null while open
 */
public record PromotionRunData(long id, long promotionId, String source, String target, Instant startedAt,
                               Instant finishedAt, String node, String startedBy, String outcome, String message,
                               List<Long> sourceTransactions, List<String> sourceAuthors, long fromPosition,
                               Long upToPosition, Long targetTransactionId, Long reviewId, Integer statementNumber,
                               String script, String settled, Instant settledAt) {

    public static final String RUNNING = "RUNNING";
    public static final String PROMOTED = "PROMOTED";
    public static final String NOTHING = "NOTHING";
    public static final String SKIPPED = "SKIPPED";
    public static final String FAILED = "FAILED";
    public static final String CONFLICT = "CONFLICT";
    public static final String COMMITTED = "COMMITTED";
    public static final String ROLLED_BACK = "ROLLED_BACK";

    /** "mycompany-staging → mycompany-prod" */
    public String route() {
        return source + " → " + target;
    }
}
