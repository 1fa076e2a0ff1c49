/**
 * Webhooks of an environment (DESIGN §6): its admins name the URLs that its review events, and
 * the drift its syncs find ({@code drift}), are posted to, each with a secret that signs every
 * delivery (HMAC-SHA256 of the body, like GitHub's). Events are sent after the database
 * transaction that recorded them has committed, off the reviewer's
 * thread, retried with exponential backoff; every delivery and every attempt is recorded in the
 * control database and listed through REST, so that a dead receiver is visible and never holds up
 * or breaks the review flow.
 */
package dev.tablecloud.webhook;
