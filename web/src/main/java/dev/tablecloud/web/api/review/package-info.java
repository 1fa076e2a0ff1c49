/** REST for reviews and approvals: review policies, reviews, revisions, decisions, comments, history, the inbox. */
package dev.tablecloud.web.api.review;
