/**
 * The SQL console of an environment: a CodeMirror editor (custom element {@code tc-sql-editor}),
 * a result per statement from {@code SqlConsoleService} (the bean the REST SQL endpoint uses, so
 * the script runs as the environment's restricted role), PostgreSQL's error marked at its place,
 * and the user's recent scripts.
 */
package dev.tablecloud.web.ui.console;
