/**
 * The plan of a commit (DESIGN §4, like {@code terraform plan}): from what one IaSQL transaction
 * did to the resource tables and what the cloud holds now, the cloud actions that a commit would
 * perform — create, update in place, replace, delete — with the columns that change, the order
 * foreign keys impose, and the steps each one waits for.
 *
 * <p>Owns the rules of what is planned: only rows the transaction touched make steps, so drift in
 * rows nobody touched is left to the next sync rather than reverted, and a resource is deleted
 * only when its row was; a replace whose children must move is split in two and ordered as AWS
 * accepts it ({@code ReplaceHalves}). Plain Java, no database and no cloud calls: the callers read
 * the rows and the cloud, {@code dev.tablecloud.apply} carries the plan out.
 */
package dev.tablecloud.plan;
