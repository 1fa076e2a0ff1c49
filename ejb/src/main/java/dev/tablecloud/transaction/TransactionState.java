package dev.tablecloud.transaction;

/** OPEN → COMMITTING → COMMITTED; OPEN → ROLLED_BACK; COMMITTING → OPEN when a commit fails. */
public enum TransactionState {
    OPEN, COMMITTING, COMMITTED, ROLLED_BACK
}
