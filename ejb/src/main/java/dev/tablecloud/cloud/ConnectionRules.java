package dev.tablecloud.cloud;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What connection settings must look like, with one wording of every message. */
public final class ConnectionRules {

    public static final String DEFAULT_CHAIN = "default-chain";
    public static final String ACCESS_KEY = "access-key";
    public static final String ASSUME_ROLE = "assume-role";

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private ConnectionRules() {
    }

    /** The settings as stored: fields that do not belong to the type dropped. */
    public static ConnectionSettings normalize(ConnectionSettings input) {
        String type = input == null || input.credentialsType() == null ? "" : input.credentialsType().trim();
        List<FieldError> errors = new ArrayList<>();
        ConnectionSettings result = null;
        switch (type) {
            case DEFAULT_CHAIN -> result = new ConnectionSettings(DEFAULT_CHAIN, null, null, null, null);
            case ACCESS_KEY -> {
                String id = trim(input.accessKeyId());
                String secret = input.secretAccessKey();
                if (id == null || !ACCESS_KEY_ID.matcher(id).matches()) {
                    errors.add(new FieldError("accessKeyId",
                            "Give the access key id: 16 or more capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
                }
                if (secret == null || secret.isBlank()) {
                    errors.add(new FieldError("secretAccessKey", "Give the secret access key of that key id."));
                }
                result = new ConnectionSettings(ACCESS_KEY, id, secret, null, null);
            }
            case ASSUME_ROLE -> {
                String arn = trim(input.roleArn());
                if (arn == null || !ROLE_ARN.matcher(arn).matches()) {
                    errors.add(new FieldError("roleArn",
                            "Give the ARN of the role to assume, like arn:aws:iam::123456789012:role/tablecloud."));
                }
                result = new ConnectionSettings(ASSUME_ROLE, null, null, arn, trim(input.externalId()));
            }
            default -> errors.add(new FieldError("credentialsType", "Credentials type '" + type
                    + "' is not known: use default-chain, access-key or assume-role."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return result;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
