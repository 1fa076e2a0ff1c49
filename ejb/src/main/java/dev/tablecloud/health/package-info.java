/**
 * Whether this server is healthy: control database reachable and migrated, build version,
 * uptime, and when the heartbeat job last ran (proof that the scheduler is alive).
 */
package dev.tablecloud.health;
