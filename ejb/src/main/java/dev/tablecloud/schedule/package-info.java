/**
 * When an environment may commit (DESIGN §7): its commit windows (a Quartz cron expression for each
 * opening, a duration, a time zone) and freezes, the check every commit passes against them, and
 * the scheduled commits of open transactions that the scheduled-commit job runs inside a window.
 */
package dev.tablecloud.schedule;
