package dev.tablecloud.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Direct access to the emulated AWS account, and moto servers of a test's own. */
final class Moto {

    private Moto() {
    }

    static Ec2Client ec2(String endpoint, String region) {
        return Ec2Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static S3Client s3(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static Route53Client route53(String endpoint) {
        return Route53Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A moto server of the test's own, on a free port: an account the test may stop. */
    static Process start(int port) throws IOException, InterruptedException {
        return start(port, java.util.Map.of());
    }

    /** With moto settings, e.g. MOTO_ENABLE_AMI_VALIDATION=true: an account that refuses what AWS refuses. */
    static Process start(int port, java.util.Map<String, String> settings) throws IOException, InterruptedException {
        String bin = System.getenv("TABLECLOUD_TEST_MOTO_BIN");
        if (bin == null || bin.isBlank()) {
            throw new IllegalStateException("TABLECLOUD_TEST_MOTO_BIN is not set: run the tests with config/test");
        }
        ProcessBuilder builder = new ProcessBuilder(bin, "-H", "127.0.0.1", "-p", String.valueOf(port));
        builder.environment().putAll(settings);
        Process moto = builder
                .redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("tablecloud.build.directory", "target"), "moto-" + port + ".log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return moto;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        moto.destroy();
        throw new IllegalStateException("moto did not start on port " + port);
    }
}
