package dev.tablecloud.module.awsec2;

import dev.tablecloud.cloud.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awssecuritygroup.AwsSecurityGroupModule;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * aws_ec2. Terminated instances are gone as far as the tables are concerned. user_data is not
 * read by a sync: EC2 returns it one instance per call; it stays as users set it.
 */
public final class AwsEc2Module {

    public static final String NAME = "aws_ec2";

    private AwsEc2Module() {
    }

    public static ModuleDefinition definition() {
        return new ModuleDefinition(NAME, "1", List.of(AwsSecurityGroupModule.NAME), List.of(
                ResourceTable.regional("key_pair", "key_pair_id",
                        ResourceTable.columns("name", "text", "fingerprint", "text", "public_key", "text"),
                        Map.of(), AwsEc2Module::keyPairs),
                ResourceTable.regional("instance", "instance_id",
                        ResourceTable.columns("ami", "text", "instance_type", "text", "key_pair_name", "text",
                                "state", "text", "tags", "jsonb"),
                        Map.of("subnet_id", "subnet"), AwsEc2Module::instances),
                ResourceTable.link("instance_security_groups",
                        "(select i.instance_id from instance i where i.id = instance_security_groups.instance_id)"
                                + " || '/' || (select g.group_id from security_group g"
                                + " where g.id = instance_security_groups.security_group_id)",
                        Map.of("instance_id", "instance", "security_group_id", "security_group"),
                        AwsEc2Module::instanceSecurityGroups)));
    }

    static List<CloudResource> keyPairs(AwsSession aws, String region) {
        return aws.call("ec2", "DescribeKeyPairs", () -> aws.ec2(region)
                .describeKeyPairs(r -> r.includePublicKey(true)).keyPairs().stream()
                .map(key -> keyPair(key, region))
                .toList());
    }

    private static CloudResource keyPair(KeyPairInfo key, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", key.keyName());
        values.put("fingerprint", key.keyFingerprint());
        values.put("public_key", key.publicKey());
        return new CloudResource(key.keyPairId(), region, values, Map.of());
    }

    static List<CloudResource> instances(AwsSession aws, String region) {
        return liveInstances(aws, region).map(instance -> instance(instance, region)).toList();
    }

    private static CloudResource instance(Instance instance, String region) {
        Map<String, Object> values = new HashMap<>();
        values.put("ami", instance.imageId());
        values.put("instance_type", instance.instanceTypeAsString());
        values.put("key_pair_name", instance.keyName());
        values.put("state", instance.state().nameAsString());
        values.put("tags", Ec2Tags.toJson(instance.tags()));
        Map<String, ParentRef> parents = instance.subnetId() == null ? Map.of()
                : Map.of("subnet_id", ParentRef.required("subnet", instance.subnetId()));
        return new CloudResource(instance.instanceId(), region, values, parents);
    }

    static List<CloudResource> instanceSecurityGroups(AwsSession aws, String region) {
        return liveInstances(aws, region)
                .flatMap(instance -> instance.securityGroups().stream().map(group -> new CloudResource(
                        instance.instanceId() + "/" + group.groupId(), region, Map.of(), Map.of(
                        "instance_id", ParentRef.required("instance", instance.instanceId()),
                        "security_group_id", ParentRef.required("security_group", group.groupId())))))
                .toList();
    }

    /** One DescribeInstances per page, once per sync and region; terminated instances left out. */
    private static Stream<Instance> liveInstances(AwsSession aws, String region) {
        List<Instance> instances = aws.once("DescribeInstances " + region, () -> aws.call("ec2", "DescribeInstances",
                () -> aws.ec2(region).describeInstancesPaginator().reservations().stream()
                        .flatMap(reservation -> reservation.instances().stream())
                        .filter(instance -> instance.state().name() != InstanceStateName.TERMINATED)
                        .toList()));
        return instances.stream();
    }
}
