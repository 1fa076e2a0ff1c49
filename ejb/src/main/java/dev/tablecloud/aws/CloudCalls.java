package dev.tablecloud.aws;

import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.CloudUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.function.Supplier;

/** Runs one cloud call and turns the SDK's failures into messages that name the endpoint. */
public final class CloudCalls {

    private CloudCalls() {
    }

    public static <T> T call(AwsConnection connection, String service, String operation, Supplier<T> call) {
        String endpoint = connection.endpointFor(service);
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String detail = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : e.getMessage();
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
            throw new CloudRefusedException(operation + " was refused by " + endpoint + ": " + detail, code, e);
        } catch (SdkClientException e) {
            throw new CloudUnavailableException("AWS endpoint " + endpoint + " is unreachable (" + operation + "): "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
