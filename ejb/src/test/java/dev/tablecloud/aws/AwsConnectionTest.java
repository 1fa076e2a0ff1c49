package dev.tablecloud.aws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AwsConnectionTest {

    @Test
    void namesTheEmulatorEndpointWhenOverridden() {
        var connection = AwsConnection.of("eu-west-1", "http://localhost:5000", new AwsCredentials.DefaultChain());

        assertThat(connection.endpointFor("ec2")).isEqualTo("http://localhost:5000");
    }

    @Test
    void namesTheRegionalAwsEndpointOtherwise() {
        var connection = AwsConnection.of("eu-west-1", null, new AwsCredentials.DefaultChain());

        assertThat(connection.endpointFor("ec2")).isEqualTo("https://ec2.eu-west-1.amazonaws.com");
    }
}
