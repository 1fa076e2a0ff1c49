package dev.tablecloud.cloud;

/**
 * Whether an environment reaches its account: the account and identity it signs in as, or why not.
 */
public record ConnectionTestResult(boolean ok, String account, String arn, String region, String reason) {

    static ConnectionTestResult failed(String region, String reason) {
        return new ConnectionTestResult(false, null, null, region, reason);
    }
}
