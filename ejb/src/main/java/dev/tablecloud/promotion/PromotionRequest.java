package dev.tablecloud.promotion;

/**
 * What a person asks for when they set up a promotion.
 *
 * @param cron     a Quartz cron expression ("0 0 6 ? * MON-FRI"), or null
 * @param timeZone the cron's time zone (an IANA name); null: UTC
 * @param at       an ISO 8601 instant for a single run, or null; neither cron nor at: run by hand only
 * @param commit   {@value PromotionData#NEXT_WINDOW} or {@value PromotionData#MANUAL}; null: next-window
 */
public record PromotionRequest(String source, String target, String cron, String timeZone, String at, String commit) {
}
