package dev.tablecloud.module.awsec2;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.Ec2Tags;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.SentRequests;
import dev.tablecloud.module.awsvpc.AwsVpcModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2AdaptersIT {

    private static final String REGION = "us-east-1";
    /** Two of the AMIs moto knows (its amis.json), which it launches while refusing others, as EC2 does. */
    private static final String UBUNTU = "ami-1e749f67";
    private static final String SUSE = "ami-35e92e4c";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.refusingWhatAwsRefuses();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = session();
    }

    /**
     * A session reads the instances of a region once (the instance and link tables share that
     * read, as in one sync): each step that reads what an earlier step changed gets a session of
     * its own, as each piece of work of the engine does.
     */
    private static AwsSession session() {
        return moto.session(REGION);
    }

    private static AdapterContract contract(String table) {
        return new AdapterContract(session(), table(table));
    }

    private static ResourceTable table(String name) {
        return AwsEc2Module.definition().table(name);
    }

    private static ResourceTable vpcTable(String name) {
        return AwsVpcModule.definition().table(name);
    }

    /** A VPC and a subnet in it, made by their own adapters; the subnet's cloud id. */
    private static String subnet(String rowId, String block) {
        CloudResource vpc = vpcTable("vpc").writes().writer().create(aws, AdapterContract.row("vpc", rowId, REGION,
                Map.of("cidr_block", block + ".0.0/16"), Map.of()));
        return vpcTable("subnet").writes().writer().create(aws, AdapterContract.row("subnet", rowId, REGION,
                Map.of("cidr_block", block + ".1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", vpc.cloudId()))).cloudId();
    }

    private static String vpcOf(String subnetId) {
        return aws.client(Ec2Client.class, REGION).describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).vpcId();
    }

    private static String securityGroup(String vpcId, String name) {
        return aws.client(Ec2Client.class, REGION).createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name)).groupId();
    }

    private static String defaultGroupOf(String vpcId) {
        return aws.client(Ec2Client.class, REGION).describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
    }

    /** The row as a commit gives it to the create: with the groups its link rows name. */
    private static DesiredResource linkedTo(DesiredResource instance, String... groupIds) {
        return new DesiredResource(instance.table(), instance.rowId(), instance.cloudId(), instance.region(),
                instance.values(), instance.parentCloudIds(), instance.identity(),
                Map.of(InstanceSecurityGroupAdapter.TABLE, List.of(groupIds)));
    }

    private static DesiredResource link(String rowId, String instanceId, String groupId) {
        return AdapterContract.row(InstanceSecurityGroupAdapter.TABLE, rowId, REGION, Map.of(),
                Map.of("instance_id", instanceId, "security_group_id", groupId));
    }

    private static DesiredResource instanceRow(String rowId, Map<String, Object> values, String subnetId) {
        Map<String, Object> all = new HashMap<>(Map.of("ami", UBUNTU, "instance_type", "t3.micro", "state", "running",
                "hibernation_enabled", false));
        all.putAll(values);
        return AdapterContract.row("instance", rowId, REGION, all,
                subnetId == null ? Map.of() : Map.of("subnet_id", subnetId));
    }

    private static Instance describe(String instanceId) {
        return aws.client(Ec2Client.class, REGION).describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances()
                .get(0);
    }

    private static List<String> groupsOf(String instanceId) {
        return describe(instanceId).securityGroups().stream().map(GroupIdentifier::groupId).toList();
    }

    /** An ed25519 public key in OpenSSH's one-line form. */
    private static String publicKey(String comment) throws GeneralSecurityException, IOException {
        byte[] encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(blob)) {
            byte[] type = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.writeInt(type.length);
            out.write(type);
            out.writeInt(raw.length);
            out.write(raw);
        }
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
    }

    @Test
    void keyPairIsImportedReplacedOnItsKeyAndDeleted() throws Exception {
        DesiredResource row = AdapterContract.row("key_pair", "1", REGION,
                Map.of("name", "deploy", "public_key", publicKey("deploy@ci")), Map.of());

        CloudResource created = contract("key_pair").createsWhatReadReturns(row);
        assertThat(created.cloudId()).startsWith("key-");
        assertThat(created.values().get("fingerprint")).isNotNull();
        assertThat(created.values()).as("IaSQL's column").containsEntry("type", "ed25519");

        contract("key_pair").needsReplaceFor(AdapterContract.changed(row, created,
                Map.of("public_key", publicKey("deploy@ci"))), created);
        contract("key_pair").needsReplaceFor(AdapterContract.changed(row, created, Map.of("name", "deploy-2")),
                created);
        contract("key_pair").deletesForGood(created);
    }

    @Test
    void aKeyPairWithoutPublicKeyIsRefusedNamingTheRow() {
        DesiredResource row = AdapterContract.row("key_pair", "2", REGION, Map.of("name", "bare"), Map.of());

        assertThatThrownBy(() -> table("key_pair").writes().writer().create(session(), row))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key_pair 'bare' needs a public_key")
                .hasMessageContaining("never holds private keys");
    }

    @Test
    void instanceIsLaunchedUpdatedInPlaceReplacedOnItsLaunchAndTerminated() throws Exception {
        String subnetId = subnet("1", "10.30");
        table("key_pair").writes().writer().create(aws, AdapterContract.row("key_pair", "3", REGION,
                Map.of("name", "web-key", "public_key", publicKey("web")), Map.of()));
        DesiredResource row = instanceRow("1", Map.of("key_pair_name", "web-key", "tags", "{\"Name\": \"web-1\"}",
                "user_data", "#!/bin/sh\necho 'héllo' > /tmp/hello\n"), subnetId);

        CloudResource created = contract("instance").createsWhatReadReturns(row);
        assertThat(created.cloudId()).startsWith("i-");
        assertThat(created.values()).containsEntry("state", "running").containsEntry("key_pair_name", "web-key")
                .containsEntry("user_data", "#!/bin/sh\necho 'héllo' > /tmp/hello\n");
        assertThat(created.parents().get("subnet_id").cloudId()).isEqualTo(subnetId);
        assertThat(describe(created.cloudId()).tags()).anyMatch(tag -> tag.key().equals(Ec2Tags.IDENTITY_TAG));

        DesiredResource bigger = AdapterContract.changed(row, created, Map.of("instance_type", "t3.small",
                "tags", "{\"Name\": \"web-1\", \"team\": \"web\"}"));
        CloudResource updated = contract("instance").updatesInPlace(bigger, created, "instance_type", "tags");
        assertThat(updated.values()).containsEntry("instance_type", "t3.small").containsEntry("state", "running");

        DesiredResource stopped = AdapterContract.changed(bigger, created, Map.of("state", "stopped"));
        updated = contract("instance").updatesInPlace(stopped, updated, "state");
        assertThat(describe(created.cloudId()).state().nameAsString()).isEqualTo("stopped");

        DesiredResource resizedWhileStopped = AdapterContract.changed(stopped, created,
                Map.of("instance_type", "t3.medium"));
        updated = contract("instance").updatesInPlace(resizedWhileStopped, updated, "instance_type");
        assertThat(updated.values()).containsEntry("state", "stopped");

        DesiredResource started = AdapterContract.changed(resizedWhileStopped, created, Map.of("state", "running"));
        updated = contract("instance").updatesInPlace(started, updated, "state");
        assertThat(describe(created.cloudId()).state().nameAsString()).isEqualTo("running");

        contract("instance").needsReplaceFor(AdapterContract.changed(started, created, Map.of("ami", SUSE)), updated);
        contract("instance").needsReplaceFor(AdapterContract.changed(started, created,
                Map.of("user_data", "#!/bin/sh\n")), updated);
        contract("instance").needsReplaceFor(new DesiredResource("instance", "1", created.cloudId(), REGION,
                started.values(), Map.of("subnet_id", subnet("2", "10.31")), started.identity()), updated);

        contract("instance").deletesForGood(updated);
        assertThat(describe(created.cloudId()).state().nameAsString()).isEqualTo("terminated");
    }

    @Test
    void aRepeatedCreateOfOneRowLaunchesOneInstance() {
        DesiredResource row = instanceRow("2", Map.of(), subnet("3", "10.32"));

        CloudResource first = table("instance").writes().writer().create(session(), row);
        CloudResource second = table("instance").writes().writer().create(session(), row);

        assertThat(second.cloudId()).isEqualTo(first.cloudId());
        assertThat(aws.client(Ec2Client.class, REGION).describeInstances(r -> r.filters(Ec2Tags.identityFilter(row))).reservations()
                .stream().mapToInt(reservation -> reservation.instances().size()).sum()).isEqualTo(1);
        assertThat(describe(first.cloudId()).clientToken()).isEqualTo(InstanceAdapter.clientToken(row))
                .hasSizeLessThanOrEqualTo(64);
        DesiredResource relaunch = new DesiredResource("instance", "2", first.cloudId(), REGION, row.values(),
                row.parentCloudIds(), row.identity());
        assertThat(InstanceAdapter.clientToken(relaunch)).as("the token of a launch that replaces the instance")
                .isNotEqualTo(InstanceAdapter.clientToken(row));
        assertThat(InstanceAdapter.clientToken(linkedTo(row, "sg-0123456789abcdef0")))
                .as("the token of a launch into other groups").isNotEqualTo(InstanceAdapter.clientToken(row));
        table("instance").writes().writer().delete(session(), first);
    }

    @Test
    void anInstanceWithoutSubnetLandsInADefaultSubnetAndMayStartStopped() {
        DesiredResource row = instanceRow("3", Map.of("state", "stopped"), null);

        CloudResource created = contract("instance").createsWhatReadReturns(row);

        String subnetId = created.parents().get("subnet_id").cloudId();
        assertThat(aws.client(Ec2Client.class, REGION).describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).defaultForAz())
                .as("in a default subnet").isTrue();
        assertThat(groupsOf(created.cloudId())).as("in the default VPC's default group, as AWS puts it")
                .containsExactly(defaultGroupOf(vpcOf(subnetId)));
        assertThat(created.values()).containsEntry("state", "stopped").containsEntry("user_data", null);
        contract("instance").deletesForGood(created);
    }

    @Test
    void anImageOrTypeTheCloudRefusesIsReportedWithTheCloudsMessage() {
        assertThatThrownBy(() -> table("instance").writes().writer().create(session(),
                instanceRow("4", Map.of("ami", "ami-0123456789abcdef0"), null)))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("RunInstances was refused by " + moto.endpoint())
                .hasMessageContaining("ami-0123456789abcdef0");
        assertThatThrownBy(() -> table("instance").writes().writer().create(session(),
                instanceRow("5", Map.of("instance_type", "t3.colossal"), null)))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("RunInstances was refused by " + moto.endpoint())
                .hasMessageContaining("t3.colossal");
    }

    @Test
    void aStateOnlyTheCloudSetsIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> table("instance").writes().writer().create(session(),
                instanceRow("6", Map.of("state", "pending"), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instance row 6")
                .hasMessageContaining("running, stopped or hibernate");
    }

    @Test
    void anInstanceWithHibernationIsLaunchedWithItOnAnEncryptedRootAndHibernatesWhenAskedTo() {
        DesiredResource row = instanceRow("10", Map.of("hibernation_enabled", true), subnet("7", "10.36"));
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = new AdapterContract(recorded, table("instance")).createsWhatReadReturns(row);
        }
        assertThat(created.values()).containsEntry("hibernation_enabled", true);
        RunInstancesRequest launch = sent.of(RunInstancesRequest.class).get(0);
        assertThat(launch.hibernationOptions().configured()).isTrue();
        String rootDevice = aws.client(Ec2Client.class, REGION).describeImages(r -> r.imageIds(UBUNTU)).images().get(0).rootDeviceName();
        assertThat(launch.blockDeviceMappings()).as("the image's root volume, encrypted, as hibernation needs")
                .singleElement().satisfies(volume -> {
                    assertThat(volume.deviceName()).isEqualTo(rootDevice);
                    assertThat(volume.ebs().encrypted()).isTrue();
                    assertThat(volume.ebs().snapshotId()).isNotNull();
                });

        DesiredResource hibernated = AdapterContract.changed(row, created, Map.of("state", "hibernate"));
        assertThat(table("instance").differingColumns(hibernated, created)).containsExactly("state");
        SentRequests stops = new SentRequests();
        try (AwsSession recorded = moto.session(REGION, stops)) {
            table("instance").writes().updater().update(recorded, hibernated, created);
        }
        assertThat(stops.of(StopInstancesRequest.class)).singleElement()
                .extracting(StopInstancesRequest::hibernate).isEqualTo(true);
        CloudResource read = contract("instance").readBack(REGION, created.cloudId());
        assertThat(read.values()).as("what EC2 reports, and the row after the commit").containsEntry("state", "stopped");
        SentRequests again = new SentRequests();
        try (AwsSession recorded = moto.session(REGION, again)) {
            table("instance").writes().updater().update(recorded, hibernated, read);
        }
        assertThat(again.of(StopInstancesRequest.class)).as("a stopped instance stays as it is").isEmpty();

        contract("instance").needsReplaceFor(AdapterContract.changed(row, created, Map.of("hibernation_enabled", false)),
                read);
        contract("instance").deletesForGood(read);
    }

    @Test
    void anInstanceWithoutHibernationIsLaunchedWithoutAndMayNotHibernate() {
        DesiredResource row = instanceRow("11", Map.of(), subnet("8", "10.37"));
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = table("instance").writes().writer().create(recorded, row);
        }
        assertThat(sent.of(RunInstancesRequest.class)).singleElement().satisfies(launch -> {
            assertThat(launch.hibernationOptions()).isNull();
            assertThat(launch.hasBlockDeviceMappings()).as("the image's volumes as they are").isFalse();
        });
        assertThat(contract("instance").readBack(REGION, created.cloudId()).values())
                .containsEntry("hibernation_enabled", false);

        assertThatThrownBy(() -> table("instance").writes().updater().update(session(),
                AdapterContract.changed(row, created, Map.of("state", "hibernate")), created))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instance row 11")
                .hasMessageContaining("hibernation_enabled is false");
        assertThat(describe(created.cloudId()).state().nameAsString()).isIn("pending", "running");
        table("instance").writes().writer().delete(session(), created);
    }

    /**
     * {@link AdapterContract#createsWhatReadReturns} but for its check that another row's identity
     * finds nothing: a link has no identity but its two ends, so another row naming the same ends
     * is the same link (and the table's unique key allows no such row).
     */
    private static CloudResource linkCreatesWhatReadReturns(DesiredResource row) {
        ResourceTable links = table("instance_security_groups");
        CloudResource created = links.writes().writer().create(session(), row);
        CloudResource read = contract("instance_security_groups").readBack(REGION, created.cloudId());
        assertThat(links.differingColumns(row, read)).as("columns where the read differs from the row").isEmpty();
        assertThat(links.writes().writer().findCreated(session(), row)).as("the link found again")
                .map(CloudResource::cloudId).contains(created.cloudId());
        return read;
    }

    @Test
    void securityGroupsAreAddedToAndRemovedFromAnInstance() {
        String subnetId = subnet("4", "10.33");
        String vpcId = vpcOf(subnetId);
        String web = securityGroup(vpcId, "web");
        String admin = securityGroup(vpcId, "admin");
        String defaultGroup = defaultGroupOf(vpcId);
        String instanceId = table("instance").writes().writer().create(aws, instanceRow("7", Map.of(), subnetId))
                .cloudId();

        DesiredResource webLink = link("1", instanceId, web);
        assertThat(table("instance_security_groups").writes().writer().findCreated(session(), webLink)).isEmpty();
        CloudResource webCreated = linkCreatesWhatReadReturns(webLink);
        assertThat(webCreated.cloudId()).isEqualTo(instanceId + "/" + web);
        DesiredResource adminLink = link("2", instanceId, admin);
        CloudResource adminCreated = linkCreatesWhatReadReturns(adminLink);
        table("instance_security_groups").writes().writer().create(session(), adminLink);
        assertThat(groupsOf(instanceId)).contains(web, admin).doesNotHaveDuplicates();
        contract("instance_security_groups").needsReplaceFor(new DesiredResource("instance_security_groups", "2",
                null, REGION, Map.of(), Map.of("instance_id", instanceId, "security_group_id", web),
                adminLink.identity()), adminCreated);

        contract("instance_security_groups").deletesForGood(webCreated);
        assertThat(groupsOf(instanceId)).contains(admin).doesNotContain(web);
        groupsOf(instanceId).stream().filter(group -> !group.equals(admin)).forEach(other ->
                table("instance_security_groups").writes().writer().delete(session(), new CloudResource(
                        instanceId + "/" + other, REGION, Map.of(), Map.of())));

        contract("instance_security_groups").deletesForGood(adminCreated);
        assertThat(groupsOf(instanceId)).as("the last group removed: back in the VPC's default group")
                .containsExactly(defaultGroup);
        table("instance_security_groups").writes().writer().delete(session(), new CloudResource(
                instanceId + "/" + defaultGroup, REGION, Map.of(), Map.of()));
        assertThat(groupsOf(instanceId)).as("the default group, when it is the last, stays").containsExactly(defaultGroup);
    }

    @Test
    void anInstanceIsLaunchedIntoExactlyTheGroupsItsLinksNameAndTheLinksCreatesChangeNothing() {
        String subnetId = subnet("5", "10.34");
        String vpcId = vpcOf(subnetId);
        String web = securityGroup(vpcId, "web");
        String admin = securityGroup(vpcId, "admin");
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = table("instance").writes().writer()
                    .create(recorded, linkedTo(instanceRow("8", Map.of(), subnetId), web, admin));
            table("instance_security_groups").writes().writer().create(recorded, link("3", created.cloudId(), web));
            table("instance_security_groups").writes().writer().create(recorded, link("4", created.cloudId(), admin));
        }
        String instanceId = created.cloudId();

        assertThat(sent.of(RunInstancesRequest.class)).singleElement()
                .extracting(RunInstancesRequest::securityGroupIds).isEqualTo(List.of(web, admin));
        assertThat(sent.of(ModifyInstanceAttributeRequest.class)).as("groups set after the launch").isEmpty();
        assertThat(groupsOf(instanceId)).containsExactlyInAnyOrder(web, admin);
        assertThat(table("instance_security_groups").reader().readAll(session(), REGION))
                .extracting(CloudResource::cloudId).filteredOn(id -> id.startsWith(instanceId + "/"))
                .containsExactlyInAnyOrder(instanceId + "/" + web, instanceId + "/" + admin);
        table("instance").writes().writer().delete(session(), created);
    }

    @Test
    void anInstanceWithoutLinksIsLaunchedIntoItsVpcsDefaultGroupByNameWhichAReadShowsAsItsLink() {
        String subnetId = subnet("6", "10.35");
        String defaultGroup = defaultGroupOf(vpcOf(subnetId));
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = table("instance").writes().writer().create(recorded, instanceRow("9", Map.of(), subnetId));
        }
        String instanceId = created.cloudId();

        assertThat(sent.of(RunInstancesRequest.class)).singleElement()
                .extracting(RunInstancesRequest::securityGroupIds).isEqualTo(List.of(defaultGroup));
        assertThat(groupsOf(instanceId)).containsExactly(defaultGroup);
        assertThat(table("instance_security_groups").reader().readAll(session(), REGION))
                .extracting(CloudResource::cloudId).filteredOn(id -> id.startsWith(instanceId + "/"))
                .containsExactly(instanceId + "/" + defaultGroup);
        table("instance").writes().writer().delete(session(), created);
    }
}
