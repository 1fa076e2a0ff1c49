package dev.tablecloud.module.awsec2;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyFormat;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

import java.util.Map;

/**
 * IaSQL's key pair functions (key_pair_request, key_pair_import): EC2 makes or imports the key at
 * once, outside any commit. A made key's private half exists only in what {@link #request} returns:
 * EC2 hands it out once, in the CreateKeyPair answer, and this class keeps it nowhere (the SDK's
 * toString of that answer redacts it).
 */
public final class KeyPairCalls {

    /** A key EC2 made: the resource as the table holds it, and the private key, in PEM. */
    public record Requested(CloudResource resource, String privateKey) {

        @Override
        public String toString() {
            return "Requested[" + resource.cloudId() + "]";
        }
    }

    private KeyPairCalls() {
    }

    public static Requested request(AwsSession aws, String name, String region) {
        CreateKeyPairResponse created = aws.call("ec2", "CreateKeyPair", () -> aws.client(Ec2Client.class, region)
                .createKeyPair(r -> r.keyName(name).keyType(KeyType.RSA).keyFormat(KeyFormat.PEM)));
        waitUntilListed(aws, name, region);
        return new Requested(new CloudResource(created.keyPairId(), region, Map.of("name", name,
                "fingerprint", created.keyFingerprint()), Map.of()), created.keyMaterial());
    }

    public static CloudResource importKey(AwsSession aws, String name, String publicKey, String region) {
        ImportKeyPairResponse imported = aws.call("ec2", "ImportKeyPair", () -> aws.client(Ec2Client.class, region)
                .importKeyPair(r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromUtf8String(publicKey))));
        waitUntilListed(aws, name, region);
        return new CloudResource(imported.keyPairId(), region, Map.of("name", name,
                "fingerprint", imported.keyFingerprint(), "public_key", publicKey), Map.of());
    }

    /** EC2's reads are eventually consistent: the sync that writes the row must find the key in the list. */
    private static void waitUntilListed(AwsSession aws, String name, String region) {
        aws.call("ec2", "DescribeKeyPairs", () -> {
            try (Ec2Waiter waiter = Ec2Waiter.builder().client(aws.client(Ec2Client.class, region)).build()) {
                return waiter.waitUntilKeyPairExists(r -> r.keyNames(name));
            }
        });
    }
}
