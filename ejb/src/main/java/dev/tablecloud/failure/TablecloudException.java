package dev.tablecloud.failure;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the engine reports on purpose. It is an application exception so that
 * it crosses the EJB boundary as itself, and rolls the container transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class TablecloudException extends RuntimeException {

    protected TablecloudException(String message) {
        super(message);
    }

    protected TablecloudException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable summary of the kind of failure, e.g. "Invalid input". */
    public abstract String title();
}
