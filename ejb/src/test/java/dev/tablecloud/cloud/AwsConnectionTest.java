package dev.tablecloud.cloud;

import dev.tablecloud.environment.EnvironmentData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConnectionTest {

    @Test
    void namesTheEmulatorEndpointWhenOverridden() {
        var connection = AwsConnection.of(new EnvironmentData("dev", null, "eu-west-1", "http://localhost:5000", null));

        assertThat(connection.endpointFor("ec2")).isEqualTo("http://localhost:5000");
    }

    @Test
    void namesTheRegionalAwsEndpointOtherwise() {
        var connection = AwsConnection.of(new EnvironmentData("prod", null, "eu-west-1", null, null));

        assertThat(connection.endpointFor("ec2")).isEqualTo("https://ec2.eu-west-1.amazonaws.com");
    }
}
