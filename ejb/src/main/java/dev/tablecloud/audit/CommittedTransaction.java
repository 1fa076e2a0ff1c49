package dev.tablecloud.audit;

import java.time.Instant;

/** A committed IaSQL transaction, as a person picks one to export. */
public record CommittedTransaction(long id, String openedBy, String committedBy, Instant committedAt) {
}
