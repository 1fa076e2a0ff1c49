package dev.tablecloud.failure;

/** The cloud (AWS or an emulator) could not be reached or did not answer usefully. */
public class CloudUnavailableException extends TablecloudException {

    public CloudUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String title() {
        return "Cloud unavailable";
    }
}
