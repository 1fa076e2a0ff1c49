package dev.tablecloud.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientsTest {

    private static final AwsConnection CONNECTION = new AwsConnection("eu-west-1", URI.create("http://127.0.0.1:1"),
            new AwsCredentials.AccessKey("testing", "testing"));

    @Test
    void aSessionMakesOneClientPerServiceAndRegionForTheRegionAskedFor() {
        try (AwsSession aws = new AwsSession(CONNECTION)) {
            Ec2Client ireland = aws.client(Ec2Client.class, "eu-west-1");

            assertThat(aws.client(Ec2Client.class, "eu-west-1")).isSameAs(ireland);
            assertThat(aws.client(Ec2Client.class)).isSameAs(ireland);
            assertThat(aws.client(Ec2Client.class, "us-west-2")).isNotSameAs(ireland);
            assertThat(aws.client(Ec2Client.class, "us-west-2").serviceClientConfiguration().region())
                    .isEqualTo(Region.US_WEST_2);
            assertThat(aws.client(S3Client.class, "ap-south-1").serviceClientConfiguration().region())
                    .isEqualTo(Region.AP_SOUTH_1);
        }
    }

    @Test
    void aGlobalServiceHasOneClientSignedForUsEast1WhateverTheRegion() {
        try (AwsSession aws = new AwsSession(CONNECTION)) {
            Route53Client route53 = aws.client(Route53Client.class);

            assertThat(route53.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
            assertThat(aws.client(Route53Client.class, "eu-central-1")).isSameAs(route53);
        }
    }

    @Test
    void clientsGoToTheConnectionsEndpointAndSlowDownWhenThrottled() {
        try (AwsSession aws = new AwsSession(CONNECTION)) {
            var configuration = aws.client(Ec2Client.class).serviceClientConfiguration();

            assertThat(configuration.endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
            assertThat(configuration.overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(strategy -> {
                        assertThat(strategy).isInstanceOf(AdaptiveRetryStrategy.class);
                        assertThat(strategy.maxAttempts()).isEqualTo(3);
                    });
        }
    }

    @Test
    void aClosedSessionMakesNoMoreClients() {
        AwsSession aws = new AwsSession(CONNECTION);
        aws.client(Ec2Client.class);
        aws.close();

        assertThatThrownBy(() -> aws.client(S3Client.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
