package dev.tablecloud.environment;

import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvironmentRulesTest {

    @Test
    void trimsAndFillsTheDefaultRegion() {
        var stored = EnvironmentRules.normalize(new EnvironmentData("  mycompany-staging ", " ", null, "", null));

        assertThat(stored).isEqualTo(new EnvironmentData("mycompany-staging", null, "us-east-1", null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "prod", "mycompany-staging-2", "a-"})
    void acceptsLowercaseNamesStartingWithALetter(String name) {
        assertThat(EnvironmentRules.nameError(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Prod", "1prod", "my_company", "-prod", "prod env", "prödd"})
    void rejectsOtherNamesSayingWhatIsAllowed(String name) {
        assertThat(EnvironmentRules.nameError(name)).get().asString()
                .contains("'" + name + "'")
                .contains("lowercase letters, digits or hyphens, starting with a letter");
    }

    @Test
    void rejectsNamesLongerThan63Characters() {
        assertThat(EnvironmentRules.nameError("a".repeat(63))).isEmpty();
        assertThat(EnvironmentRules.nameError("a".repeat(64))).isPresent();
    }

    @Test
    void asksForAMissingName() {
        var failure = catchThrowableOfType(InvalidInputException.class,
                () -> EnvironmentRules.normalize(new EnvironmentData(null, null, null, null, null)));

        assertThat(failure.errors()).containsExactly(new FieldError("name", "Give the environment a name."));
    }

    @Test
    void reportsEveryBrokenRuleByField() {
        var failure = catchThrowableOfType(InvalidInputException.class,
                () -> EnvironmentRules.normalize(new EnvironmentData("Bad_Name", "x".repeat(1001), "mars", "ftp://x", null)));

        assertThat(failure.errors()).extracting(FieldError::field)
                .containsExactly("name", "description", "awsDefaultRegion", "awsEndpoint");
        assertThat(failure.getMessage()).contains("Bad_Name").contains("mars").contains("ftp://x");
    }

    @Test
    void acceptsAnEmulatorEndpoint() {
        var stored = EnvironmentRules.normalize(new EnvironmentData("dev", null, "eu-west-1", "http://localhost:5000", null));

        assertThat(stored.awsEndpoint()).isEqualTo("http://localhost:5000");
        assertThat(stored.awsDefaultRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void acceptsAnotherDatabaseServerNamedWithoutCredentials() {
        var stored = EnvironmentRules.normalize(new EnvironmentData("prod", null, null, null,
                " jdbc:postgresql://db.internal:5432/postgres?sslmode=require "));

        assertThat(stored.databaseServer()).isEqualTo("jdbc:postgresql://db.internal:5432/postgres?sslmode=require");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://db/x", "jdbc:mysql://db/x", "jdbc:postgresql://db/x?password=secret",
            "jdbc:postgresql://db/x?sslmode=require&user=admin"})
    void rejectsOtherDatabaseServerUrls(String url) {
        var failure = catchThrowableOfType(InvalidInputException.class,
                () -> EnvironmentRules.normalize(new EnvironmentData("prod", null, null, null, url)));

        assertThat(failure.errors()).extracting(FieldError::field).containsExactly("databaseServer");
    }

    @Test
    void rejectsANullInput() {
        assertThatThrownBy(() -> EnvironmentRules.normalize(null)).isInstanceOf(InvalidInputException.class);
    }
}
