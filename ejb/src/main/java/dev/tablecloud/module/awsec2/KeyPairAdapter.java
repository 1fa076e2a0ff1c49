package dev.tablecloud.module.awsec2;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key_pair table's adapter. Keys are imported, never made: a key EC2 makes comes with a private
 * key that someone would have to hold, and Tablecloud holds no private keys. A row without a
 * public_key is therefore refused rather than turned into a key whose private half is thrown away.
 *
 * <p>A create that may have happened is found by name (unique per region) and identity tag
 * together: a key of the same name that this row did not import is not taken for its own, and the
 * import then fails with EC2's message about the duplicate name, rather than the key being adopted
 * (and replaced if its public key differs). What ImportKeyPair answers is the resource: EC2 may not
 * list the key yet. EC2 may report the public key with a comment of its own (the key's name); the
 * sync that ends a commit writes that form back, and the row compares equal from then on.
 */
final class KeyPairAdapter implements CloudWriter {

    /**
     * The fingerprint is computed by EC2, and the type (rsa or ed25519, IaSQL's column) is the
     * key's. A key pair cannot be renamed or given another key: a change to either imports a new one.
     */
    static final CloudWrites WRITES = CloudWrites.replacedOnAnyChange(new KeyPairAdapter())
            .generated("key_pair_id", "fingerprint", "type");

    /** Known by its name. */
    static final PortableKey KEY = PortableKey.of(PortableKey.column("name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("key_pair", "key_pair_id",
                ResourceTable.columns("name", "text", "fingerprint", "text", "public_key", "text",
                        "type", "text"),
                Map.of(), KeyPairAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeKeyPairs", () -> aws.client(Ec2Client.class, region)
                .describeKeyPairs(r -> r.includePublicKey(true)).keyPairs().stream()
                .map(key -> resource(key, region))
                .toList());
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String name = row.text("name");
        String publicKey = row.text("public_key");
        if (publicKey == null || publicKey.isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("public_key", "key_pair '" + name
                    + "' needs a public_key: Tablecloud imports keys, it never holds private keys.")));
        }
        ImportKeyPairResponse imported = aws.call("ec2", "ImportKeyPair", () -> aws.client(Ec2Client.class, row.region())
                .importKeyPair(r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromUtf8String(publicKey))
                        .tagSpecifications(Ec2Tags.onCreate(ResourceType.KEY_PAIR, row, null))));
        return resource(KeyPairInfo.builder().keyPairId(imported.keyPairId()).keyName(imported.keyName())
                .keyFingerprint(imported.keyFingerprint()).publicKey(publicKey).keyType(keyType(publicKey)).build(),
                row.region());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeKeyPairs", () -> aws.client(Ec2Client.class, row.region()).describeKeyPairs(r -> r
                        .filters(Filter.builder().name("key-name").values(row.text("name")).build(),
                                Ec2Tags.identityFilter(row))
                        .includePublicKey(true)).keyPairs())
                .stream().findFirst().map(key -> resource(key, row.region()));
    }

    /** By name, the one way both EC2 and its emulators take; EC2 answers a missing name with success. */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        aws.delete("ec2", "DeleteKeyPair", () -> aws.client(Ec2Client.class, current.region())
                .deleteKeyPair(r -> r.keyName((String) current.values().get("name"))));
    }

    private static CloudResource resource(KeyPairInfo key, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", key.keyName());
        values.put("fingerprint", key.keyFingerprint());
        values.put("public_key", key.publicKey());
        values.put("type", key.keyTypeAsString());
        return new CloudResource(key.keyPairId(), region, values, Map.of());
    }

    /**
     * The type of an OpenSSH public key, as EC2 names it: ImportKeyPair does not answer it, and EC2
     * imports RSA and ED25519 keys only, refusing others with its own message.
     */
    private static String keyType(String publicKey) {
        String algorithm = publicKey.strip().split("\\s+", 2)[0];
        return switch (algorithm) {
            case "ssh-ed25519" -> "ed25519";
            case "ssh-rsa" -> "rsa";
            default -> null;
        };
    }
}
