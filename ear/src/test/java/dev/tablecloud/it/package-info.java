/**
 * Integration tests against a managed WildFly running the real EAR, with the PostgreSQL and moto
 * that config/test starts. Each test talks to the server the way a user does: over HTTP or in a
 * browser.
 */
package dev.tablecloud.it;
