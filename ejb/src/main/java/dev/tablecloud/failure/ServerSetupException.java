package dev.tablecloud.failure;

/**
 * The server is not set up to do this: a missing secret key, a database login without the
 * privileges it needs. Says what to configure; the operator, not the caller, has to act.
 */
public class ServerSetupException extends TablecloudException {

    public ServerSetupException(String message) {
        super(message);
    }

    public ServerSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String title() {
        return "Server set-up problem";
    }
}
