package dev.tablecloud.web.ui.environment;

import dev.tablecloud.environment.EnvironmentData;

import java.util.Locale;
import java.util.stream.Stream;

/** Which environments the filter box keeps: its text found in the name, description, region or endpoint. */
final class EnvironmentFilter {

    private EnvironmentFilter() {
    }

    static boolean matches(EnvironmentData environment, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        return Stream.of(environment.name(), environment.description(), environment.awsDefaultRegion(),
                        environment.awsEndpoint())
                .anyMatch(value -> value != null && value.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
