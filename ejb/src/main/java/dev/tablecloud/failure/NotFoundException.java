package dev.tablecloud.failure;

/** The thing asked for does not exist. */
public class NotFoundException extends TablecloudException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not found";
    }
}
