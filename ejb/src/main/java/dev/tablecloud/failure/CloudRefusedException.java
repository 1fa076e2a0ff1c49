package dev.tablecloud.failure;

/** The cloud answered, but refused the call (bad credentials, disabled region, invalid request...). */
public class CloudRefusedException extends TablecloudException {

    private final String errorCode;

    public CloudRefusedException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param errorCode AWS's code for the refusal ({@code InvalidVpcID.NotFound}), null if it gave none */
    public CloudRefusedException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Whether the refusal says the resource does not exist (EC2's *.NotFound, S3's and Route 53's NoSuch*). */
    public boolean resourceIsGone() {
        return errorCode != null && (errorCode.endsWith(".NotFound") || errorCode.startsWith("NoSuch")
                || errorCode.equals("NotFound"));
    }

    @Override
    public String title() {
        return "Cloud refused the call";
    }
}
