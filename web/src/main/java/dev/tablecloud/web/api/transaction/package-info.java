/** REST resources for IaSQL transactions: begin, current, preview, commit, rollback. */
package dev.tablecloud.web.api.transaction;
