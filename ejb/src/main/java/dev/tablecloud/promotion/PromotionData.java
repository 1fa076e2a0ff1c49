package dev.tablecloud.promotion;

import java.time.Instant;

/**
 * A promotion as the outside sees it.
 *
 * @param cron             a Quartz cron expression in {@code timeZone}, or null
 * @param at               the one moment it runs, or null
 * @param commit           {@value #NEXT_WINDOW} (once approved, committed in the target's next window) or
 *                         {@value #MANUAL}
 * @param promotedPosition the source's audit entries up to this one are committed in the target
 * @param nextRunAt        when the job runs it next; null when paused or when it runs by hand only
 * @param runningOn        the node running it now, or null
 * @param lastRun          its latest run, or null
 */
public record PromotionData(long id, String source, String target, String cron, String timeZone, Instant at,
                            String commit, boolean paused, String createdBy, Instant createdAt, long promotedPosition,
                            Instant nextRunAt, String runningOn, Instant runningSince, PromotionRunData lastRun) {

    public static final String NEXT_WINDOW = "next-window";
    public static final String MANUAL = "manual";

    /** Who its changes in the target are by, in the audit log: the promotion, and who made it. */
    public String actor() {
        return "promotion " + id + " (" + createdBy + ")";
    }

    /** "0 0 6 ? * MON-FRI (Europe/Berlin)", "once at 2026-12-08T06:00:00Z", or "by hand only". */
    public String describeSchedule() {
        return new PromotionSchedule(cron, timeZone, at).describe();
    }

    /** "mycompany-staging → mycompany-prod" */
    public String route() {
        return source + " → " + target;
    }
}
