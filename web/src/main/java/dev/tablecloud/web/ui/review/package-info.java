/**
 * Reviews in the browser: the review page at {@code /reviews/{id}} (the revision's plan as a diff
 * with comments on its lines, the exported SQL to copy or download, approvals against the policy,
 * approve and reject with the server's reason when they may not, the stale banner the server pushes
 * when the rows change, a new revision, and the commit the review gates), and the inbox at
 * {@code /reviews}: waiting for me, opened by me, recently closed.
 */
package dev.tablecloud.web.ui.review;
