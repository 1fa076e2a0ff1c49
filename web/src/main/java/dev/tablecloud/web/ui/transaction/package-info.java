/**
 * The open transaction at {@code /environments/{name}/transaction}: begin, commit and roll back
 * (enabled by role and state, with the reason when not), the changes so far by user, and the
 * live preview as a coloured diff that server push refreshes when anyone changes a row.
 */
package dev.tablecloud.web.ui.transaction;
