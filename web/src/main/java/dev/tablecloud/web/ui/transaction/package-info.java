/**
 * The open transaction at {@code /environments/{name}/transaction}: begin, commit and roll back
 * (enabled by role and state, with the reason when not), the commit's progress as the server keeps it
 * (polled and pushed, so a reload or another session sees the same), the changes so far by user, and the
 * live preview as a coloured diff that server push refreshes when anyone changes a row.
 */
package dev.tablecloud.web.ui.transaction;
