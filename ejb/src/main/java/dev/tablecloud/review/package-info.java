/**
 * Reviews of an open transaction (DESIGN §6). For now the markdown of one: title, description,
 * the preview and the whole portable SQL, what {@code iasql_create_review(title, description)}
 * returns for pasting into a pull request or a ticket.
 */
package dev.tablecloud.review;
