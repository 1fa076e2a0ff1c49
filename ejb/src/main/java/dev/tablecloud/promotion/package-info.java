/**
 * Scheduled promotions (DESIGN §7): the users' changes committed in a source environment since the
 * last promoted audit position, replayed in a target environment as a transaction, previewed and
 * put up for review; once approved, committed in the target's next window. The position moves only
 * when the target commits, so a change is never lost nor applied twice, and the source's authors
 * count as the target's for the four-eyes rule.
 */
package dev.tablecloud.promotion;
