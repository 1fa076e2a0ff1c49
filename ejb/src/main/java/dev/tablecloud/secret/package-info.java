/**
 * Secrets at rest: passwords of environment database roles and, later, AWS keys are stored only
 * encrypted (AES-256-GCM) with the server's key from TABLECLOUD_SECRET_KEY, never returned by an
 * API and never logged.
 */
package dev.tablecloud.secret;
