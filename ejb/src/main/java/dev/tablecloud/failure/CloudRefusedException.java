package dev.tablecloud.failure;

/** The cloud answered, but refused the call (bad credentials, disabled region, invalid request...). */
public class CloudRefusedException extends TablecloudException {

    public CloudRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String title() {
        return "Cloud refused the call";
    }
}
