package dev.tablecloud.failure;

/** The caller is known but lacks the role the action needs. */
public class ForbiddenException extends TablecloudException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
