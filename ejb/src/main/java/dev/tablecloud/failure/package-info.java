/**
 * Failures the engine reports to its callers. Each one carries a message a person understands;
 * the front doors (REST, UI, jobs) translate them, never their stack traces, into what users see.
 */
package dev.tablecloud.failure;
