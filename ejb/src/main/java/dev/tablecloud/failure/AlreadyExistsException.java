package dev.tablecloud.failure;

/** Something with the same identity exists already. */
public class AlreadyExistsException extends TablecloudException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Already exists";
    }
}
