package dev.tablecloud.transaction;

import dev.tablecloud.failure.ConflictException;

/** The transaction something was meant for was committed or rolled back meanwhile. */
public class TransactionEndedException extends ConflictException {

    public TransactionEndedException(String message) {
        super(message);
    }
}
