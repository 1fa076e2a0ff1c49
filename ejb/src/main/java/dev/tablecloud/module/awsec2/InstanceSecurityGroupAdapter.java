package dev.tablecloud.module.awsec2;

import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance_security_groups adapter. A link is no resource of its own: it is one entry of an
 * instance's group list, which EC2 sets whole (ModifyInstanceAttribute groups). Adding and removing
 * a link read the list, change the one entry and set the list again, which is repeatable by nature.
 * Two links of one instance written at once by a commit's parallel steps would each set the list
 * without the other's entry, so the read and the set are done under a lock per instance.
 *
 * <p>An instance is launched into the groups of its link rows ({@link InstanceAdapter}), so the
 * create of a link made with its instance finds the group there and changes nothing; a link added to
 * an instance that exists already is set here. An instance launched without link rows is put into its
 * VPC's default group, and a sync then shows that link. An instance must be in at least one group:
 * removing its last one puts it back into its VPC's default group, as at launch. Removing the
 * default group when it is the last one leaves it: EC2 has nothing else to put the instance in.
 */
final class InstanceSecurityGroupAdapter implements CloudWriter {

    static final String TABLE = "instance_security_groups";

    /** Both columns are the link itself: pointing a row at another instance or group is a new link. */
    static final CloudWrites WRITES = CloudWrites.replacedOnAnyChange(new InstanceSecurityGroupAdapter());

    /** Known by its instance and group. */
    static final PortableKey KEY = PortableKey.of(PortableKey.parent("instance_id"), PortableKey.parent("security_group_id"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.link(TABLE,
                "(select i.instance_id from instance i where i.id = instance_security_groups.instance_id)"
                        + " || '/' || (select g.group_id from security_group g"
                        + " where g.id = instance_security_groups.security_group_id)",
                Map.of("instance_id", "instance", "security_group_id", "security_group"),
                InstanceSecurityGroupAdapter::readAll).writtenBy(WRITES)
                .withPortableKey(KEY);

    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    static List<CloudResource> readAll(AwsSession aws, String region) {
        return InstanceAdapter.live(aws, region).stream()
                .flatMap(instance -> instance.securityGroups().stream()
                        .map(group -> resource(instance.instanceId(), group.groupId(), region)))
                .toList();
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String instanceId = row.parent("instance_id");
        String groupId = row.parent("security_group_id");
        synchronized (lockFor(instanceId)) {
            List<String> groups = groupIds(InstanceAdapter.describe(aws, row.region(), instanceId));
            if (!groups.contains(groupId)) {
                List<String> wanted = new ArrayList<>(groups);
                wanted.add(groupId);
                setGroups(aws, row.region(), instanceId, wanted);
            }
        }
        return resource(instanceId, groupId, row.region());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        String instanceId = row.parent("instance_id");
        String groupId = row.parent("security_group_id");
        return liveInstance(aws, row.region(), instanceId)
                .filter(instance -> groupIds(instance).contains(groupId))
                .map(instance -> resource(instanceId, groupId, row.region()));
    }

    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String[] ids = current.cloudId().split("/", 2);
        String instanceId = ids[0];
        String groupId = ids[1];
        synchronized (lockFor(instanceId)) {
            Optional<Instance> instance = liveInstance(aws, current.region(), instanceId);
            if (instance.isEmpty() || !groupIds(instance.get()).contains(groupId)) {
                return;
            }
            List<String> remaining = new ArrayList<>(groupIds(instance.get()));
            remaining.remove(groupId);
            if (remaining.isEmpty()) {
                String defaultGroup = defaultGroupId(aws, current.region(), instance.get().vpcId());
                if (defaultGroup == null || defaultGroup.equals(groupId)) {
                    return;
                }
                remaining.add(defaultGroup);
            }
            setGroups(aws, current.region(), instanceId, remaining);
        }
    }

    private static Object lockFor(String instanceId) {
        return LOCKS[Math.floorMod(instanceId.hashCode(), LOCKS.length)];
    }

    /** The instance, unless it is gone (unknown id, shutting down, terminated). */
    private static Optional<Instance> liveInstance(AwsSession aws, String region, String instanceId) {
        try {
            return aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region)
                            .describeInstances(r -> r.instanceIds(instanceId)).reservations())
                    .stream().flatMap(reservation -> reservation.instances().stream())
                    .filter(InstanceAdapter::isLive)
                    .findFirst();
        } catch (CloudRefusedException e) {
            if (e.resourceIsGone()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static List<String> groupIds(Instance instance) {
        return instance.securityGroups().stream().map(GroupIdentifier::groupId).toList();
    }

    static void setGroups(AwsSession aws, String region, String instanceId, List<String> groupIds) {
        aws.call("ec2", "ModifyInstanceAttribute", () -> aws.client(Ec2Client.class, region).modifyInstanceAttribute(r -> r
                .instanceId(instanceId).groups(groupIds)));
    }

    /** The {@code default} group of the VPC, null if it has none (a VPC always has one in AWS). */
    static String defaultGroupId(AwsSession aws, String region, String vpcId) {
        return aws.call("ec2", "DescribeSecurityGroups", () -> aws.client(Ec2Client.class, region).describeSecurityGroups(r -> r
                        .filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                                Filter.builder().name("group-name").values("default").build())).securityGroups())
                .stream().findFirst().map(group -> group.groupId()).orElse(null);
    }

    private static CloudResource resource(String instanceId, String groupId, String region) {
        return new CloudResource(instanceId + "/" + groupId, region, Map.of(), Map.of(
                "instance_id", ParentRef.required("instance", instanceId),
                "security_group_id", ParentRef.required("security_group", groupId)));
    }
}
