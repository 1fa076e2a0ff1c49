package dev.tablecloud.module.awsec2;

import dev.tablecloud.module.CloudReader;
import dev.tablecloud.module.ResourceTable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.secret.Digests;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.FieldError;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.CloudUpdater;
import dev.tablecloud.module.CloudWriter;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.PortableKey;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HibernationOptionsRequest;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instance table's adapter.
 *
 * <p>user_data is the one column read per row: DescribeInstances leaves it out, and EC2 returns it
 * only through DescribeInstanceAttribute, one instance per call. Without it a sync could not show
 * it, and a commit could not see that a row's user_data is not what its instance was launched with.
 * The column holds the script as text (EC2's base64, decoded). User data that is not UTF-8 text
 * (gzip) is shown in its base64 form; a launch sends the column as text, so such a value is for
 * reading instances made elsewhere, not for copying into a new row.
 *
 * <p>state is what the instance is or is heading for: pending reads as running, stopping as
 * stopped, and an instance that is shutting down or terminated is gone. Users write running or
 * stopped, and those are all a row is compared on: an instance still booting just after its create
 * equals the row that asked for it, and one that is stopping is not stopped a second time. Users may
 * also write hibernate, as in IaSQL: a running instance is stopped with its memory saved to its root
 * volume (StopInstances with Hibernate), which needs hibernation_enabled; EC2 then reports it
 * stopped, and so does the row after the commit. An instance already stopped stays as it is.
 *
 * <p>hibernation_enabled is given at launch (HibernationOptions) and cannot change on an instance
 * (AWS EC2 User Guide, "Hibernate your Amazon EC2 instance": hibernation cannot be enabled or
 * disabled after launch), so a change launches a new one. EC2 hibernates only an instance whose root
 * volume is encrypted: a launch with hibernation encrypts the image's root volume, as IaSQL did.
 *
 * <p>An instance is launched into exactly the security groups of its link rows, which a plan makes
 * first ({@link CloudWrites#createdWithLinks}). Launched with no group named, AWS would put it into
 * its VPC's default group, and links written afterwards would add to that group rather than take its
 * place: a wider firewall than the rows say. An instance without link rows is launched into that
 * default group by name: where AWS puts it anyway, and where moto, which would put it into none,
 * then puts it too.
 *
 * <p>A create is repeatable three ways: it first looks for a live instance with the row's identity
 * tag (one DescribeInstances; emulators such as moto ignore client tokens, so there it is the lookup
 * that keeps a repeat from launching again); RunInstances carries a client token derived from the
 * row, so that EC2 itself answers a repeated launch with the instance it already made (tags may show
 * up in filters late); and the identity tag lets {@link #findCreated} find the instance after a crash.
 */
final class InstanceAdapter implements CloudUpdater {

    /**
     * instance_id is EC2's. What an instance is launched from and into — image, subnet, key pair,
     * user data (which runs at first boot) — is fixed for its life: a change launches a new one. Tags,
     * state and the instance type (on a stopped instance) change in place. A row without a subnet
     * lands in a default subnet of the region, which is written back, as IaSQL did. The key pair is
     * named, not a foreign key (EC2 lets it be deleted under a running instance), yet it must exist
     * for the launch: a plan imports it first. The security groups are given at launch, from the
     * instance's link rows.
     */
    static final CloudWrites WRITES = CloudWrites.by(new InstanceAdapter())
            .generated("instance_id")
            .replacedOn("ami", "subnet_id", "key_pair_name", "user_data", "hibernation_enabled")
            .chosenByCloud("subnet_id")
            .references("key_pair_name", "key_pair", "name")
            .createdWithLinks(InstanceSecurityGroupAdapter.TABLE, "instance_id", "security_group_id");

    /** Known by its Name tag: an instance without one has no portable key. */
    static final PortableKey KEY = PortableKey.of(PortableKey.tag("Name"));

    /**
     * The table, declared once: its columns with their types, keys and foreign keys, how the cloud
     * is read into it and written from it. {@code ModuleDeclarationsIT} holds the module's DDL to it.
     */
    static final ResourceTable DECLARATION = ResourceTable.regional("instance", "instance_id",
                ResourceTable.columns("ami", "text", "instance_type", "text", "key_pair_name", "text",
                        "state", "text", "user_data", "text", "tags", "jsonb",
                        "hibernation_enabled", "boolean"),
                Map.of("subnet_id", "subnet"), CloudReader.withPerResourceAttributes(InstanceAdapter::read))
                .writtenBy(WRITES)
                .withPortableKey(KEY);

    private static final String RUNNING = "running";
    private static final String STOPPED = "stopped";
    private static final String HIBERNATE = "hibernate";

    /** The user data of the instances {@code detailed} includes; the others come as DescribeInstances lists them. */
    static List<CloudResource> read(AwsSession aws, String region, DetailedReads detailed) {
        return aws.perResource(live(aws, region), instance -> detailed.includes(instance.instanceId()),
                instance -> resource(aws, region, instance), instance -> listed(region, instance));
    }

    /**
     * One DescribeInstances per page, once per session and region (the security group links are
     * read from the same pages); instances shutting down or terminated left out.
     */
    static List<Instance> live(AwsSession aws, String region) {
        return aws.once("DescribeInstances " + region, () -> aws.call("ec2", "DescribeInstances",
                () -> aws.client(Ec2Client.class, region).describeInstancesPaginator().reservations().stream()
                        .flatMap(reservation -> reservation.instances().stream())
                        .filter(InstanceAdapter::isLive)
                        .toList()));
    }

    static boolean isLive(Instance instance) {
        InstanceStateName state = instance.state().name();
        return state != InstanceStateName.SHUTTING_DOWN && state != InstanceStateName.TERMINATED;
    }

    @Override
    public CloudResource create(AwsSession aws, DesiredResource row) {
        String wantedState = wantedState(row);
        String userData = row.text("user_data");
        if (userData != null && userData.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("user_data", "The user_data of "
                    + row.describe() + " is empty: EC2 keeps no empty user data, write null for none.")));
        }
        List<String> groups = launchGroups(aws, row);
        Instance instance = findLive(aws, row)
                .map(found -> intoGroups(aws, row.region(), found, groups))
                .orElseGet(() -> launch(aws, row, userData, groups));
        boolean asLaunched = wantedState.equals(RUNNING) == isHeadingToRun(instance);
        if (asLaunched) {
            // What EC2 answered is what a read would say, and the user data is the row's: no read back.
            return resource(row.region(), instance, userData);
        }
        if (wantedState.equals(RUNNING)) {
            start(aws, row.region(), instance.instanceId(), instance.state().name());
        } else {
            // A row that asks for hibernate at its create is stopped plainly: a fresh instance has
            // nothing in memory to keep, and EC2 refuses to hibernate one for about two minutes after
            // its launch (AWS EC2 User Guide, "Troubleshoot EC2 instance hibernation").
            stop(aws, row.region(), instance.instanceId(), instance.state().name(), false, false);
        }
        return read(aws, row.region(), instance.instanceId());
    }

    @Override
    public Optional<CloudResource> findCreated(AwsSession aws, DesiredResource row) {
        return findLive(aws, row).map(instance -> resource(aws, row.region(), instance));
    }

    /**
     * Tags, then the type (EC2 changes it only on a stopped instance: stopped first, and waited for),
     * then the state the row asks for — an instance stopped for a new type starts again if the row
     * says running. Hibernate stops a running instance with its memory kept; an instance stopped
     * already (for a new type, or before) has nothing in memory to keep and stays stopped.
     */
    @Override
    public CloudResource update(AwsSession aws, DesiredResource row, CloudResource current) {
        String region = row.region();
        String instanceId = current.cloudId();
        String wantedState = wantedState(row);
        Ec2Tags.update(aws, region, instanceId, row, "tags", current);
        String wantedType = row.text("instance_type");
        boolean typeChanges = !wantedType.equals(current.values().get("instance_type"));
        if (typeChanges || !wantedState.equals(current.values().get("state"))) {
            InstanceStateName now = describe(aws, region, instanceId).state().name();
            if (typeChanges) {
                stop(aws, region, instanceId, now, false, true);
                aws.call("ec2", "ModifyInstanceAttribute", () -> aws.client(Ec2Client.class, region).modifyInstanceAttribute(r -> r
                        .instanceId(instanceId).instanceType(v -> v.value(wantedType))));
                now = InstanceStateName.STOPPED;
            }
            if (wantedState.equals(RUNNING)) {
                start(aws, region, instanceId, now);
            } else {
                stop(aws, region, instanceId, now, wantedState.equals(HIBERNATE), false);
            }
        }
        return read(aws, region, instanceId);
    }

    /**
     * Terminates the instance and waits until it is terminated: until then EC2 refuses to delete
     * its subnet or security groups, which a commit deletes after it.
     */
    @Override
    public void delete(AwsSession aws, CloudResource current) {
        String region = current.region();
        aws.delete("ec2", "TerminateInstances", () -> aws.client(Ec2Client.class, region)
                .terminateInstances(r -> r.instanceIds(current.cloudId())));
        aws.delete("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region).waiter()
                .waitUntilInstanceTerminated(r -> r.instanceIds(current.cloudId())));
    }

    private static Instance launch(AwsSession aws, DesiredResource row, String userData, List<String> groups) {
        boolean hibernation = hibernationEnabled(row);
        List<BlockDeviceMapping> volumes = hibernation ? encryptedRootVolume(aws, row) : List.of();
        Instance launched = aws.call("ec2", "RunInstances", () -> aws.client(Ec2Client.class, row.region()).runInstances(r -> r
                .imageId(row.text("ami"))
                .hibernationOptions(hibernation ? HibernationOptionsRequest.builder().configured(true).build() : null)
                .blockDeviceMappings(volumes.isEmpty() ? null : volumes)
                .instanceType(row.text("instance_type"))
                .keyName(row.text("key_pair_name"))
                .subnetId(row.parent("subnet_id"))
                .securityGroupIds(groups.isEmpty() ? null : groups)
                .userData(userData == null ? null
                        : Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
                .minCount(1)
                .maxCount(1)
                .clientToken(clientToken(row))
                .tagSpecifications(Ec2Tags.onCreate(ResourceType.INSTANCE, row, "tags")))).instances().get(0);
        if (!isLive(launched)) {
            throw new ConflictException("RunInstances answered " + row.describe() + " with instance "
                    + launched.instanceId() + ", which is " + launched.state().nameAsString()
                    + ": EC2 took the launch for a repeat of an earlier one with the same client token.");
        }
        return launched;
    }

    private static boolean hibernationEnabled(DesiredResource row) {
        return Boolean.TRUE.equals(row.bool("hibernation_enabled"));
    }

    /**
     * The image's root volume, encrypted: EC2 hibernates only an instance whose root volume is
     * encrypted (AWS EC2 User Guide, hibernation prerequisites), and an image's unencrypted snapshot
     * is encrypted on launch when its mapping says so. The whole mapping of the image is sent (its
     * snapshot and size too), as IaSQL did; emulators such as moto refuse an EBS mapping that names
     * neither. Empty when the image has no EBS root volume, which EC2 refuses to hibernate: its launch
     * answers why.
     */
    private static List<BlockDeviceMapping> encryptedRootVolume(AwsSession aws, DesiredResource row) {
        Optional<Image> image = aws.call("ec2", "DescribeImages", () -> aws.client(Ec2Client.class, row.region())
                .describeImages(r -> r.imageIds(row.text("ami"))).images()).stream().findFirst();
        return image.stream()
                .flatMap(found -> found.blockDeviceMappings().stream()
                        .filter(mapping -> mapping.ebs() != null
                                && mapping.deviceName().equals(found.rootDeviceName())))
                .map(root -> root.toBuilder().ebs(root.ebs().toBuilder().encrypted(true).build()).build())
                .toList();
    }

    /**
     * The groups the instance's link rows name. Without link rows, its VPC's default group, named:
     * RunInstances without SecurityGroupIds puts an instance into "the default security group for the
     * VPC" (AWS EC2 API Reference, RunInstances, SecurityGroupIds), which emulators such as moto do
     * not; naming it keeps the cloud the same on both, and the sync after the commit shows the link as
     * a row, as IaSQL did. Empty only where the VPC cannot be found, which EC2 refuses to launch into
     * anyway, with its own message.
     */
    private static List<String> launchGroups(AwsSession aws, DesiredResource row) {
        List<String> linked = row.linked(InstanceSecurityGroupAdapter.TABLE);
        if (!linked.isEmpty()) {
            return linked;
        }
        String vpcId = launchVpc(aws, row);
        String defaultGroup = vpcId == null ? null
                : InstanceSecurityGroupAdapter.defaultGroupId(aws, row.region(), vpcId);
        return defaultGroup == null ? List.of() : List.of(defaultGroup);
    }

    /** The VPC of the row's subnet; without one, the region's default VPC, whose default subnet EC2 picks. */
    private static String launchVpc(AwsSession aws, DesiredResource row) {
        String subnetId = row.parent("subnet_id");
        if (subnetId != null) {
            return aws.call("ec2", "DescribeSubnets", () -> aws.client(Ec2Client.class, row.region())
                    .describeSubnets(r -> r.subnetIds(subnetId)).subnets()).stream()
                    .findFirst().map(Subnet::vpcId).orElse(null);
        }
        return aws.call("ec2", "DescribeVpcs", () -> aws.client(Ec2Client.class, row.region()).describeVpcs(r -> r
                        .filters(Filter.builder().name("is-default").values("true").build())).vpcs()).stream()
                .findFirst().map(Vpc::vpcId).orElse(null);
    }

    /**
     * An instance an earlier attempt at this create launched, put into the groups the row's links name
     * now: they may have changed since that attempt.
     */
    private static Instance intoGroups(AwsSession aws, String region, Instance found, List<String> groups) {
        List<String> now = InstanceSecurityGroupAdapter.groupIds(found);
        if (!groups.isEmpty() && !Set.copyOf(groups).equals(Set.copyOf(now))) {
            InstanceSecurityGroupAdapter.setGroups(aws, region, found.instanceId(), groups);
        }
        return found;
    }

    /**
     * At most 64 ASCII characters, the same for every attempt at one create of one row. Besides the
     * row's identity it covers the cloud id the row held and what the instance is launched from and
     * into: a replace (terminate, then launch) or a launch after the instance vanished must not be
     * answered with the instance it replaces, which EC2 would do for a token it has seen.
     */
    static String clientToken(DesiredResource row) {
        String material = String.join("\n", row.identity(), String.valueOf(row.cloudId()), row.text("ami"),
                row.text("instance_type"), String.valueOf(row.text("key_pair_name")),
                String.valueOf(hibernationEnabled(row)),
                String.valueOf(row.parent("subnet_id")), String.valueOf(row.text("user_data")),
                String.valueOf(new TreeSet<>(row.linked(InstanceSecurityGroupAdapter.TABLE))));
        return Digests.sha256Hex(material);
    }

    private static Optional<Instance> findLive(AwsSession aws, DesiredResource row) {
        return aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, row.region()).describeInstances(r -> r
                        .filters(Ec2Tags.identityFilter(row), Filter.builder().name("instance-state-name")
                                .values("pending", "running", "stopping", "stopped").build())).reservations())
                .stream().flatMap(reservation -> reservation.instances().stream()).findFirst();
    }

    /** running, stopped or hibernate: the states users may ask for; null (no value yet) means running. */
    private static String wantedState(DesiredResource row) {
        String state = row.text("state");
        if (state == null) {
            return RUNNING;
        }
        if (!state.equals(RUNNING) && !state.equals(STOPPED) && !state.equals(HIBERNATE)) {
            throw new InvalidInputException(List.of(new FieldError("state", "The state of " + row.describe()
                    + " is " + state + ": ask for running, stopped or hibernate; EC2 alone makes an instance "
                    + state + ".")));
        }
        if (state.equals(HIBERNATE) && !hibernationEnabled(row)) {
            throw new InvalidInputException(List.of(new FieldError("state", "The state of " + row.describe()
                    + " is hibernate, but its hibernation_enabled is false: EC2 hibernates only an instance"
                    + " launched with hibernation. Ask for stopped, or set hibernation_enabled to true,"
                    + " which launches a new instance.")));
        }
        return state;
    }

    private static void start(AwsSession aws, String region, String instanceId, InstanceStateName now) {
        if (now == InstanceStateName.RUNNING || now == InstanceStateName.PENDING) {
            return;
        }
        if (now == InstanceStateName.STOPPING) {
            aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region).waiter()
                    .waitUntilInstanceStopped(r -> r.instanceIds(instanceId)));
        }
        aws.call("ec2", "StartInstances", () -> aws.client(Ec2Client.class, region).startInstances(r -> r.instanceIds(instanceId)));
    }

    /**
     * EC2 stops only a running instance: one still pending is waited for first. With
     * {@code hibernate}, its memory is saved to its root volume and restored when it starts.
     */
    private static void stop(AwsSession aws, String region, String instanceId, InstanceStateName now,
                             boolean hibernate, boolean untilStopped) {
        if (now == InstanceStateName.PENDING) {
            aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region).waiter()
                    .waitUntilInstanceRunning(r -> r.instanceIds(instanceId)));
        }
        if (now == InstanceStateName.PENDING || now == InstanceStateName.RUNNING) {
            aws.call("ec2", "StopInstances", () -> aws.client(Ec2Client.class, region).stopInstances(r -> r.instanceIds(instanceId)
                    .hibernate(hibernate ? Boolean.TRUE : null)));
        }
        if (untilStopped && now != InstanceStateName.STOPPED) {
            aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region).waiter()
                    .waitUntilInstanceStopped(r -> r.instanceIds(instanceId)));
        }
    }

    private static CloudResource read(AwsSession aws, String region, String instanceId) {
        return resource(aws, region, describe(aws, region, instanceId));
    }

    /** Waits while EC2 does not know the id yet, as it may not just after RunInstances. */
    static Instance describe(AwsSession aws, String region, String instanceId) {
        return aws.call("ec2", "DescribeInstances", () -> aws.client(Ec2Client.class, region).waiter()
                .waitUntilInstanceExists(r -> r.instanceIds(instanceId)).matched().response().orElseThrow()
                .reservations().get(0).instances().get(0));
    }

    private static boolean isHeadingToRun(Instance instance) {
        return RUNNING.equals(shownState(instance));
    }

    private static CloudResource resource(AwsSession aws, String region, Instance instance) {
        return resource(region, instance, userData(aws, region, instance.instanceId()));
    }

    private static CloudResource resource(String region, Instance instance, String userData) {
        return listed(region, instance).with("user_data", userData);
    }

    /** What DescribeInstances tells: all but the user data. */
    private static CloudResource listed(String region, Instance instance) {
        Map<String, Object> values = new HashMap<>();
        values.put("ami", instance.imageId());
        values.put("instance_type", instance.instanceTypeAsString());
        values.put("key_pair_name", instance.keyName());
        values.put("state", shownState(instance));
        values.put("hibernation_enabled", instance.hibernationOptions() != null
                && Boolean.TRUE.equals(instance.hibernationOptions().configured()));
        values.put("tags", Ec2Tags.toJson(instance.tags()));
        Map<String, ParentRef> parents = instance.subnetId() == null ? Map.of()
                : Map.of("subnet_id", ParentRef.required("subnet", instance.subnetId()));
        return new CloudResource(instance.instanceId(), region, values, parents);
    }

    private static String shownState(Instance instance) {
        InstanceStateName state = instance.state().name();
        if (state == InstanceStateName.PENDING) {
            return RUNNING;
        }
        if (state == InstanceStateName.STOPPING) {
            return STOPPED;
        }
        return instance.state().nameAsString();
    }

    private static String userData(AwsSession aws, String region, String instanceId) {
        AttributeValue value = aws.call("ec2", "DescribeInstanceAttribute", () -> aws.client(Ec2Client.class, region)
                .describeInstanceAttribute(r -> r.instanceId(instanceId).attribute(InstanceAttributeName.USER_DATA))
                .userData());
        if (value == null || value.value() == null || value.value().isEmpty()) {
            return null;
        }
        byte[] bytes = Base64.getMimeDecoder().decode(value.value());
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') < 0 ? text : value.value();
        } catch (CharacterCodingException notText) {
            return value.value();
        }
    }
}
