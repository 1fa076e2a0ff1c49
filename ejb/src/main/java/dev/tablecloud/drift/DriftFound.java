package dev.tablecloud.drift;

import java.time.Instant;

/**
 * A sync outside any transaction found drift, as the rest of the server hears of it (a CDI event,
 * fired in the transaction that records it: observe it after success). Webhooks post it.
 *
 * @param id      the drift run's id: unique and increasing among drift events
 * @param foundBy who synced: a user's "sync now", or the drift schedule
 * @param page    where people see the drift, under the server's root
 */
public record DriftFound(long id, String environment, String foundBy, int appeared, int changed, int vanished,
                         Instant at, String page) {

    /** The label webhooks subscribe to it by. */
    public static final String KIND = "drift";

    public static String pageOf(String environment) {
        return "/environments/" + environment + "/drift";
    }
}
