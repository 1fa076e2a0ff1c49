package dev.tablecloud.environment;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a new environment must look like. Plain Java so that the REST API, the UI and unit tests
 * share one set of rules and one wording of every message.
 */
public final class EnvironmentRules {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final int MAX_DESCRIPTION_LENGTH = 1000;

    /** Names become database names later, hence lowercase and a letter first. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern DATABASE_SERVER = Pattern.compile("jdbc:postgresql://[^/?\\s]+(/[^?\\s]*)?(\\?\\S*)?");

    private EnvironmentRules() {
    }

    /**
     * Returns the environment as it will be stored (trimmed, defaults filled in), or throws
     * {@link InvalidInputException} listing every rule it breaks.
     */
    public static EnvironmentData normalize(EnvironmentData input) {
        if (input == null) {
            throw new InvalidInputException(List.of(new FieldError("name", "Give the environment a name.")));
        }
        EnvironmentData candidate = new EnvironmentData(
                trimToNull(input.name()),
                trimToNull(input.description()),
                defaultIfNull(trimToNull(input.awsDefaultRegion()), DEFAULT_REGION),
                trimToNull(input.awsEndpoint()),
                trimToNull(input.databaseServer()));
        List<FieldError> errors = new ArrayList<>();
        nameError(candidate.name()).ifPresent(message -> errors.add(new FieldError("name", message)));
        if (candidate.description() != null && candidate.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description",
                    "The description is too long: at most " + MAX_DESCRIPTION_LENGTH + " characters."));
        }
        if (!REGION.matcher(candidate.awsDefaultRegion()).matches()) {
            errors.add(new FieldError("awsDefaultRegion", "AWS region '" + candidate.awsDefaultRegion()
                    + "' is not valid: expected a region code such as us-east-1."));
        }
        endpointError(candidate.awsEndpoint()).ifPresent(message -> errors.add(new FieldError("awsEndpoint", message)));
        databaseServerError(candidate.databaseServer())
                .ifPresent(message -> errors.add(new FieldError("databaseServer", message)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return candidate;
    }

    /** The message for a bad environment name, if it is bad. */
    public static Optional<String> nameError(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the environment a name.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("Environment name '" + name + "' is not valid: use 2 to 63 lowercase letters,"
                    + " digits or hyphens, starting with a letter (for example mycompany-staging).");
        }
        return Optional.empty();
    }

    private static Optional<String> endpointError(String endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        String problem = "AWS endpoint '" + endpoint + "' is not valid: expected an http or https URL"
                + " such as http://localhost:5000.";
        try {
            URI uri = new URI(endpoint);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? Optional.empty() : Optional.of(problem);
        } catch (URISyntaxException e) {
            return Optional.of(problem);
        }
    }

    /**
     * Another PostgreSQL server is reached with the control database's login, so the URL names
     * only the server; a password in it would be stored and shown in clear.
     */
    private static Optional<String> databaseServerError(String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (!DATABASE_SERVER.matcher(url).matches()) {
            return Optional.of("Database server '" + url + "' is not valid: expected a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://db.internal:5432/postgres.");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&](password|user)=.*")) {
            return Optional.of("The database server URL must not carry a user or password: Tablecloud signs in"
                    + " there with the control database's login.");
        }
        return Optional.empty();
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String defaultIfNull(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
