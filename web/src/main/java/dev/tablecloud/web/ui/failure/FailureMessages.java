package dev.tablecloud.web.ui.failure;

import dev.tablecloud.failure.TablecloudException;

import java.util.Optional;

/** Finds the engine's own failure in whatever wraps it (EJB, CDI, Vaadin's listener calls). */
final class FailureMessages {

    private FailureMessages() {
    }

    static Optional<TablecloudException> engineFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TablecloudException failure) {
                return Optional.of(failure);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The server's words for a refusal; for anything else, the innermost message and no stack trace. */
    static String text(Throwable thrown) {
        Optional<TablecloudException> failure = engineFailure(thrown);
        if (failure.isPresent()) {
            return failure.get().title() + ": " + failure.get().getMessage();
        }
        Throwable innermost = thrown;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return "Something failed on the server: " + message + " (the server log has the details).";
    }
}
