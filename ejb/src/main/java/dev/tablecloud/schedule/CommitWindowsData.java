package dev.tablecloud.schedule;

import java.time.Instant;
import java.util.List;

/**
 * An environment's windows and freezes, and what they mean now.
 *
 * @param freezes     the freezes not yet over, soonest first (ended ones are kept in the database only)
 * @param nowAllowed  whether a scheduled commit could run now
 * @param now         why not, in words, or null
 * @param nextAllowed when a scheduled commit next may run (now, if it may), or null if never
 */
public record CommitWindowsData(List<CommitWindow> windows, List<CommitFreeze> freezes, boolean nowAllowed,
                                String now, Instant nextAllowed) {
}
