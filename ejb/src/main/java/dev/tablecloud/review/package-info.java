/**
 * Reviews and approvals (DESIGN §6), enforced here for every door: each environment's review
 * policy; reviews of an open transaction, each a series of frozen revisions (audit position, plan,
 * SQL, and a hash of plan + SQL); decisions and comments; the history of it all; and the gate a
 * commit passes, which lets through only the plan an approved revision froze. Also the markdown of
 * a review, what {@code iasql_create_review(title, description)} returns.
 */
package dev.tablecloud.review;
