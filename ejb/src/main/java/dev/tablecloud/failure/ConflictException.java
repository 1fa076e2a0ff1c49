package dev.tablecloud.failure;

/** The request clashes with the current state (a dependent module installed, a commit running...). */
public class ConflictException extends TablecloudException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
