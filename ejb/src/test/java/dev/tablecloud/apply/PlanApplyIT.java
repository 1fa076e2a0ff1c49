package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.SentRequests;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import dev.tablecloud.plan.RowRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.tablecloud.apply.TestEnvironment.REGION;
import static dev.tablecloud.apply.TestEnvironment.TABLES_BY_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** Plans made from rows and carried out by the real adapters against moto. */
class PlanApplyIT {

    /** An AMI moto knows (its amis.json); with validation on, it refuses others as EC2 does. */
    private static final String UBUNTU = "ami-1e749f67";
    private static final String UNKNOWN_AMI = "ami-0123456789abcdef0";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.refusingWhatAwsRefuses();
    private static ExecutorService threads;
    private static AwsSession checks;

    @BeforeAll
    static void startCloud() throws Exception {
        threads = Executors.newFixedThreadPool(16);
        checks = moto.session(REGION);
    }

    @AfterAll
    static void stopCloud() {
        threads.shutdownNow();
    }

    /** Each plan and apply in a session of its own, as each piece of work of the engine has. */
    private static Plan plan(TestEnvironment environment) {
        try (AwsSession aws = moto.session(REGION)) {
            return environment.plan(aws);
        }
    }

    private static ApplyResult apply(TestEnvironment environment, Plan plan, int parallelism, String identityPrefix,
                                     boolean recovering, ExecutionInterceptor... observers) {
        try (AwsSession aws = moto.session(REGION, observers)) {
            return new PlanExecutor(parallelism, threads).apply(aws, plan, TABLES_BY_NAME, environment::cloudId,
                    identityPrefix, recovering);
        }
    }

    private static List<String> cloudIdsOf(String table) {
        try (AwsSession aws = moto.session(REGION)) {
            return TABLES_BY_NAME.get(table).reader().readAll(aws, REGION).stream().map(CloudResource::cloudId)
                    .toList();
        }
    }

    /** For the tests' own look at the cloud, beside the adapters. */
    private static Ec2Client ec2() {
        return checks.client(Ec2Client.class, REGION);
    }

    private static Instance instance(String instanceId) {
        return ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances()
                .get(0);
    }

    private static PlanStep stepFor(Plan plan, RowRef row) {
        return plan.steps().stream().filter(step -> step.ref().equals(row)).findFirst()
                .orElseThrow(() -> new AssertionError("no step for " + row));
    }

    /** A VPC, a subnet in each of two zones, a group with an ingress rule, a key pair, an instance in the group. */
    private static Map<String, RowRef> stack(TestEnvironment environment, String name, int block, String ami)
            throws GeneralSecurityException, IOException {
        Map<String, RowRef> rows = new HashMap<>();
        String prefix = "10." + block;
        rows.put("vpc", environment.insert("vpc", name, Map.of("cidr_block", prefix + ".0.0/16",
                "tags", "{\"Name\": \"" + name + "\"}", "enable_dns_support", true, "enable_dns_hostnames", true),
                Map.of()));
        rows.put("subnet-a", environment.insert("subnet", name + "-a", Map.of("cidr_block", prefix + ".1.0/24",
                "availability_zone", "us-east-1a"), Map.of("vpc_id", rows.get("vpc"))));
        rows.put("subnet-b", environment.insert("subnet", name + "-b", Map.of("cidr_block", prefix + ".2.0/24",
                "availability_zone", "us-east-1b"), Map.of("vpc_id", rows.get("vpc"))));
        rows.put("group", environment.insert("security_group", name, Map.of("group_name", name + "-web",
                "description", "web tier of " + name), Map.of("vpc_id", rows.get("vpc"))));
        rows.put("rule", environment.insert("security_group_rule", name, Map.of("is_egress", false,
                "ip_protocol", "tcp", "from_port", 443, "to_port", 443, "cidr_ipv4", "0.0.0.0/0"),
                Map.of("security_group_id", rows.get("group"))));
        rows.put("key", environment.insert("key_pair", name, Map.of("name", name + "-deploy",
                "public_key", publicKey(name)), Map.of()));
        Map<String, Object> instance = new HashMap<>(Map.of("ami", ami, "instance_type", "t3.micro",
                "state", "running", "key_pair_name", name + "-deploy", "tags", "{\"Name\": \"" + name + "-web-1\"}",
                "hibernation_enabled", false));
        rows.put("instance", environment.insert("instance", name, instance, Map.of("subnet_id", rows.get("subnet-a"))));
        rows.put("link", environment.insert("instance_security_groups", name, Map.of(),
                Map.of("instance_id", rows.get("instance"), "security_group_id", rows.get("group"))));
        return rows;
    }

    /** An ed25519 public key in OpenSSH's one-line form. */
    private static String publicKey(String comment) throws GeneralSecurityException, IOException {
        byte[] encoded = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(blob)) {
            byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
            out.writeInt(type.length);
            out.write(type);
            out.writeInt(raw.length);
            out.write(raw);
        }
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
    }

    private static void assertEachStepStartedAfterWhatItDependsOn(Plan plan, ApplyResult result) {
        for (PlanStep step : plan.steps()) {
            StepOutcome outcome = result.step(step.index());
            for (int first : step.dependsOn()) {
                assertThat(result.step(first).finishedAt()).as(step.summary() + " starts after step " + first)
                        .isBeforeOrEqualTo(outcome.startedAt());
            }
        }
    }

    @Test
    void aStackIsCreatedInDependencyOrderWithTheRightParentsAndDeletedChildrenFirst() throws Exception {
        TestEnvironment environment = new TestEnvironment();
        Map<String, RowRef> rows = stack(environment, "alpha", 1, UBUNTU);

        Plan plan = plan(environment);
        assertThat(plan.steps()).extracting(PlanStep::action).containsOnly(Action.CREATE);
        ApplyResult result = apply(environment, plan, 4, "it/alpha", false);

        assertThat(result.error()).isNull();
        assertThat(result.steps()).extracting(StepOutcome::status).containsOnly(StepStatus.DONE);
        assertEachStepStartedAfterWhatItDependsOn(plan, result);
        assertThat(result.maxParallelSteps()).as("the two subnets, the group and the key pair are independent")
                .isGreaterThan(1);
        environment.commit(result);
        String vpc = environment.cloudId(rows.get("vpc"));
        String subnetA = environment.cloudId(rows.get("subnet-a"));
        String group = environment.cloudId(rows.get("group"));
        String instanceId = environment.cloudId(rows.get("instance"));
        assertThat(ec2().describeSubnets(r -> r.subnetIds(subnetA, environment.cloudId(rows.get("subnet-b"))))
                .subnets()).allSatisfy(subnet -> assertThat(subnet.vpcId()).isEqualTo(vpc))
                .extracting(subnet -> subnet.availabilityZone()).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0).vpcId())
                .isEqualTo(vpc);
        assertThat(ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(
                environment.cloudId(rows.get("rule")))).securityGroupRules().get(0).groupId()).isEqualTo(group);
        assertThat(instance(instanceId).subnetId()).isEqualTo(subnetA);
        assertThat(instance(instanceId).keyName()).isEqualTo("alpha-deploy");
        assertThat(instance(instanceId).securityGroups()).extracting(GroupIdentifier::groupId).containsExactly(group);

        environment.touchAll();
        assertThat(plan(environment).steps()).as("the rows are what the cloud now holds").isEmpty();

        String defaultGroup = ec2().describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
        environment.synced("security_group", "alpha-default", defaultGroup, Map.of("group_name", "default",
                "description", "default VPC security group"), Map.of("vpc_id", rows.get("vpc")));
        environment.deleteAll();
        Plan deletes = plan(environment);
        assertThat(deletes.steps()).as("the default group goes with its VPC").extracting(PlanStep::description)
                .doesNotContain("default");
        assertThat(deletes.steps()).extracting(PlanStep::action).containsOnly(Action.DELETE);
        assertThat(deletes.steps()).extracting(PlanStep::table).first().isEqualTo("instance_security_groups");
        assertThat(deletes.steps()).extracting(PlanStep::table).last().isEqualTo("vpc");
        ApplyResult deleted = apply(environment, deletes, 4, "it/alpha", false);
        assertThat(deleted.error()).isNull();
        assertEachStepStartedAfterWhatItDependsOn(deletes, deleted);
        assertThat(cloudIdsOf("vpc")).doesNotContain(vpc);
        assertThat(cloudIdsOf("subnet")).doesNotContain(subnetA);
        assertThat(cloudIdsOf("security_group")).doesNotContain(group, defaultGroup);
        assertThat(instance(instanceId).state().nameAsString()).isEqualTo("terminated");
    }

    @Test
    void anImageTheCloudRefusesFailsTheApplyAndUndoesEverythingItMade() throws Exception {
        TestEnvironment environment = new TestEnvironment();
        Map<String, RowRef> rows = stack(environment, "beta", 2, UNKNOWN_AMI);
        Plan plan = plan(environment);

        ApplyResult result = apply(environment, plan, 4, "it/beta", false);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("create instance beta-web-1").contains("RunInstances was refused by "
                + moto.endpoint()).contains(UNKNOWN_AMI);
        assertThat(result.steps()).filteredOn(step -> step.table().equals("instance"))
                .extracting(StepOutcome::status).containsExactly(StepStatus.FAILED);
        assertThat(result.steps()).filteredOn(step -> step.table().equals("instance_security_groups"))
                .extracting(StepOutcome::status).containsExactly(StepStatus.NOT_RUN);
        List<StepOutcome> made = result.steps().stream()
                .filter(step -> !step.table().startsWith("instance")).toList();
        assertThat(made).hasSize(6).extracting(StepOutcome::status).containsOnly(StepStatus.UNDONE);
        assertThat(result.undo()).hasSize(6).allSatisfy(undo -> {
            assertThat(undo.succeeded()).as(undo.message()).isTrue();
            assertThat(undo.message()).startsWith("deleted ").endsWith(" again");
        });
        assertThat(result.undo()).extracting(UndoOutcome::stepIndex)
                .containsExactlyInAnyOrderElementsOf(made.stream().map(StepOutcome::index).toList());
        List<Integer> undoOrder = result.undo().stream().map(UndoOutcome::stepIndex).toList();
        for (PlanStep step : plan.steps()) {
            step.dependsOn().stream().filter(undoOrder::contains).forEach(parent -> assertThat(
                    undoOrder.indexOf(step.index())).as(step.summary() + " undone before its parent")
                    .isLessThan(undoOrder.indexOf(parent)));
        }
        assertThat(result.written()).isEmpty();
        assertThat(cloudIdsOf("vpc")).doesNotContainAnyElementsOf(afterIds(made, "vpc"));
        assertThat(cloudIdsOf("subnet")).doesNotContainAnyElementsOf(afterIds(made, "subnet"));
        assertThat(cloudIdsOf("security_group")).doesNotContainAnyElementsOf(afterIds(made, "security_group"));
        assertThat(cloudIdsOf("security_group_rule")).doesNotContainAnyElementsOf(afterIds(made, "security_group_rule"));
        assertThat(cloudIdsOf("key_pair")).doesNotContainAnyElementsOf(afterIds(made, "key_pair"));
        assertThat(ec2().describeVpcs(r -> r.filters(f -> f.name("cidr-block").values("10.2.0.0/16")))
                .vpcs()).isEmpty();
        assertThat(environment.cloudId(rows.get("vpc"))).as("the rows stay as typed").isNull();
    }

    @Test
    void anInstanceAndItsLinkInOnePlanAreLaunchedIntoExactlyThatGroupWithoutASecondCall() throws Exception {
        TestEnvironment environment = new TestEnvironment();
        Map<String, RowRef> rows = stack(environment, "delta", 4, UBUNTU);
        Plan plan = plan(environment);
        assertThat(stepFor(plan, rows.get("instance")).dependsOn()).as("the instance waits for its group")
                .contains(stepFor(plan, rows.get("group")).index());
        assertThat(stepFor(plan, rows.get("link")).action()).as("the preview still shows the link")
                .isEqualTo(Action.CREATE);
        SentRequests sent = new SentRequests();

        ApplyResult result = apply(environment, plan, 4, "it/delta", false, sent);

        assertThat(result.error()).isNull();
        environment.commit(result);
        String group = environment.cloudId(rows.get("group"));
        assertThat(sent.of(RunInstancesRequest.class)).singleElement()
                .extracting(RunInstancesRequest::securityGroupIds).isEqualTo(List.of(group));
        assertThat(sent.of(ModifyInstanceAttributeRequest.class)).as("the link's create finds its group there")
                .isEmpty();
        assertThat(instance(environment.cloudId(rows.get("instance"))).securityGroups())
                .extracting(GroupIdentifier::groupId).containsExactly(group);
    }

    @Test
    void anInstanceWithoutLinksIsInItsVpcsDefaultGroupWhichTheSyncReadsAsALink() {
        TestEnvironment environment = new TestEnvironment();
        RowRef vpc = environment.insert("vpc", "epsilon", Map.of("cidr_block", "10.5.0.0/16"), Map.of());
        RowRef subnet = environment.insert("subnet", "epsilon", Map.of("cidr_block", "10.5.1.0/24",
                "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc));
        RowRef instance = environment.insert("instance", "epsilon", Map.of("ami", UBUNTU, "instance_type", "t3.micro",
                "state", "running", "hibernation_enabled", false), Map.of("subnet_id", subnet));

        ApplyResult result = apply(environment, plan(environment), 4, "it/epsilon", false);

        assertThat(result.error()).isNull();
        environment.commit(result);
        String vpcId = environment.cloudId(vpc);
        String instanceId = environment.cloudId(instance);
        String defaultGroup = ec2().describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
        assertThat(instance(instanceId).securityGroups()).extracting(GroupIdentifier::groupId)
                .containsExactly(defaultGroup);
        assertThat(cloudIdsOf("instance_security_groups")).contains(instanceId + "/" + defaultGroup);
    }

    private static List<String> afterIds(List<StepOutcome> steps, String table) {
        List<String> ids = new ArrayList<>();
        steps.stream().filter(step -> step.table().equals(table)).forEach(step -> ids.add(step.after().cloudId()));
        assertThat(ids).isNotEmpty();
        return ids;
    }

    @Test
    void aCommitRecoveredAfterItsCreatesAdoptsThemInsteadOfMakingSecondOnes() {
        TestEnvironment environment = new TestEnvironment();
        RowRef vpc = environment.insert("vpc", "gamma", Map.of("cidr_block", "10.3.0.0/16",
                "tags", "{\"Name\": \"gamma\"}"), Map.of());
        RowRef subnet = environment.insert("subnet", "gamma", Map.of("cidr_block", "10.3.1.0/24",
                "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc));
        ApplyResult interrupted = apply(environment, plan(environment), 2, "it/gamma", false);
        assertThat(interrupted.error()).isNull();
        // The server died before writing the cloud ids back: the rows still hold none.

        Plan again = plan(environment);
        assertThat(again.steps()).extracting(PlanStep::action).containsExactly(Action.CREATE, Action.CREATE);
        ApplyResult recovered = apply(environment, again, 2, "it/gamma", true);

        assertThat(recovered.error()).isNull();
        assertThat(recovered.written(vpc)).map(CloudResource::cloudId)
                .isEqualTo(interrupted.written(vpc).map(CloudResource::cloudId));
        assertThat(recovered.written(subnet)).map(CloudResource::cloudId)
                .isEqualTo(interrupted.written(subnet).map(CloudResource::cloudId));
        assertThat(recovered.steps()).extracting(StepOutcome::message).allMatch(message -> message.startsWith("adopted"));
        assertThat(ec2().describeVpcs(r -> r.filters(f -> f.name("cidr-block").values("10.3.0.0/16")))
                .vpcs()).hasSize(1);
        assertThat(ec2().describeSubnets(r -> r.filters(f -> f.name("cidr-block").values("10.3.1.0/24")))
                .subnets()).hasSize(1);
    }

    private static List<CloudResource> rulesOf(String groupId) {
        try (AwsSession aws = moto.session(REGION)) {
            return TABLES_BY_NAME.get("security_group_rule").reader().readAll(aws, REGION).stream()
                    .filter(rule -> rule.parents().get("security_group_id").cloudId().equals(groupId)).toList();
        }
    }

    private static void assertDone(ApplyResult result) {
        assertThat(result.error()).as("the apply").isNull();
        assertThat(result.steps()).extracting(StepOutcome::status).containsOnly(StepStatus.DONE);
    }

    @Test
    void aGroupMadeHereHasExactlyTheRulesItsRowsSay() {
        TestEnvironment environment = new TestEnvironment();
        RowRef vpc = environment.insert("vpc", "rules", Map.of("cidr_block", "10.61.0.0/16",
                "enable_dns_support", true, "enable_dns_hostnames", false), Map.of());
        RowRef closed = environment.insert("security_group", "closed", Map.of("group_name", "closed",
                "description", "no rule at all"), Map.of("vpc_id", vpc));
        RowRef open = environment.insert("security_group", "open", Map.of("group_name", "open",
                "description", "all traffic out"), Map.of("vpc_id", vpc));
        Map<String, Object> allOut = new HashMap<>();
        allOut.put("is_egress", true);
        allOut.put("ip_protocol", "-1");
        allOut.put("cidr_ipv4", "0.0.0.0/0");
        RowRef rule = environment.insert("security_group_rule", "all-out", allOut, Map.of("security_group_id", open));

        ApplyResult result = apply(environment, plan(environment), 8, "it/rules", false);

        assertDone(result);
        environment.commit(result);
        assertThat(rulesOf(environment.cloudId(closed))).as("AWS's automatic egress rule is revoked").isEmpty();
        assertThat(rulesOf(environment.cloudId(open))).as("the rule its row asks for").singleElement()
                .extracting(CloudResource::cloudId).isEqualTo(environment.cloudId(rule));
        environment.touchAll();
        assertThat(plan(environment).steps()).as("the rows are what the cloud holds").isEmpty();
    }

    /**
     * A VPC whose block changes, with a subnet and a group with a rule: AWS refuses DeleteVpc while a
     * subnet or a group is in it (moto checks subnets and route tables, not groups).
     */
    @Test
    void aVpcWhoseBlockChangesIsReplacedWithItsSubnetAndGroupMovedIntoTheNewOne() {
        TestEnvironment environment = new TestEnvironment();
        RowRef vpc = environment.insert("vpc", "move", Map.of("cidr_block", "10.62.0.0/16",
                "tags", "{\"Name\": \"move\"}", "enable_dns_support", true, "enable_dns_hostnames", false), Map.of());
        RowRef subnet = environment.insert("subnet", "move", Map.of("cidr_block", "10.62.1.0/24",
                "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc));
        RowRef group = environment.insert("security_group", "move", Map.of("group_name", "move-web",
                "description", "web tier"), Map.of("vpc_id", vpc));
        RowRef rule = environment.insert("security_group_rule", "move", Map.of("is_egress", false,
                "ip_protocol", "tcp", "from_port", 443, "to_port", 443, "cidr_ipv4", "0.0.0.0/0"),
                Map.of("security_group_id", group));
        ApplyResult made = apply(environment, plan(environment), 8, "it/move", false);
        assertDone(made);
        environment.commit(made);
        String oldVpc = environment.cloudId(vpc);

        environment.update(vpc, Map.of("cidr_block", "10.63.0.0/16"));
        environment.update(subnet, Map.of("cidr_block", "10.63.1.0/24"));
        Plan plan = plan(environment);
        ApplyResult moved = apply(environment, plan, 8, "it/move", false);

        assertDone(moved);
        assertEachStepStartedAfterWhatItDependsOn(plan, moved);
        assertThat(plan.steps()).extracting(PlanStep::summary).first().isEqualTo("replace vpc move (the new one)");
        assertThat(plan.steps()).extracting(PlanStep::summary).last().isEqualTo("replace vpc move (the old one)");
        environment.commit(moved);
        String newVpc = environment.cloudId(vpc);
        assertThat(newVpc).isNotEqualTo(oldVpc);
        assertThat(cloudIdsOf("vpc")).contains(newVpc).doesNotContain(oldVpc);
        assertThat(ec2().describeVpcs(r -> r.vpcIds(newVpc)).vpcs().get(0).cidrBlock()).isEqualTo("10.63.0.0/16");
        assertThat(ec2().describeSubnets(r -> r.subnetIds(environment.cloudId(subnet))).subnets().get(0).vpcId())
                .isEqualTo(newVpc);
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(environment.cloudId(group))).securityGroups().get(0)
                .vpcId()).isEqualTo(newVpc);
        assertThat(rulesOf(environment.cloudId(group))).singleElement().extracting(CloudResource::cloudId)
                .isEqualTo(environment.cloudId(rule));
        environment.touchAll();
        assertThat(plan(environment).steps()).as("the rows are what the cloud holds").isEmpty();
    }

    /** A zone renamed with a record in it: Route 53 refuses DeleteHostedZone while it holds the record. */
    @Test
    void aRenamedZoneIsReplacedWithItsRecordMovedIntoTheNewZone() {
        TestEnvironment environment = new TestEnvironment();
        RowRef zone = environment.insert("hosted_zone", "rename", Map.of("domain_name", "before-rename.example.com."),
                Map.of());
        RowRef record = environment.insert("resource_record_set", "rename", Map.of("name",
                "www.before-rename.example.com.", "record_type", "A", "record", "10.64.1.10", "ttl", 300),
                Map.of("parent_hosted_zone_id", zone));
        ApplyResult made = apply(environment, plan(environment), 8, "it/rename", false);
        assertDone(made);
        environment.commit(made);
        String oldZone = environment.cloudId(zone);

        environment.update(zone, Map.of("domain_name", "after-rename.example.com."));
        environment.update(record, Map.of("name", "www.after-rename.example.com."));
        Plan plan = plan(environment);
        ApplyResult renamed = apply(environment, plan, 8, "it/rename", false);

        assertDone(renamed);
        assertEachStepStartedAfterWhatItDependsOn(plan, renamed);
        assertThat(plan.steps()).extracting(PlanStep::summary).containsExactly(
                "replace hosted_zone after-rename.example.com. (the new one)",
                "create resource_record_set www.after-rename.example.com.",
                "delete resource_record_set www.before-rename.example.com.",
                "replace hosted_zone after-rename.example.com. (the old one)");
        environment.commit(renamed);
        String newZone = environment.cloudId(zone);
        assertThat(cloudIdsOf("hosted_zone")).contains(newZone).doesNotContain(oldZone);
        assertThat(cloudIdsOf("resource_record_set")).contains(newZone + "|www.after-rename.example.com.|A");
        environment.touchAll();
        assertThat(plan(environment).steps()).as("the rows are what the cloud holds").isEmpty();
    }

    /**
     * A subnet moved to another zone keeps its block, which one subnet of a VPC may hold: its instance
     * is terminated first, then the subnet deleted and made again, then the instance launched into it.
     * AWS refuses DeleteSubnet while the instance runs (moto does not check).
     */
    @Test
    void aSubnetMovedToAnotherZoneTakesItsInstanceAlong() {
        TestEnvironment environment = new TestEnvironment();
        RowRef vpc = environment.insert("vpc", "zone", Map.of("cidr_block", "10.65.0.0/16",
                "enable_dns_support", true, "enable_dns_hostnames", false), Map.of());
        RowRef subnet = environment.insert("subnet", "zone", Map.of("cidr_block", "10.65.1.0/24",
                "availability_zone", "us-east-1a"), Map.of("vpc_id", vpc));
        RowRef instance = environment.insert("instance", "zone", Map.of("ami", UBUNTU, "instance_type", "t3.micro",
                "state", "running", "tags", "{\"Name\": \"zone-web\"}"), Map.of("subnet_id", subnet));
        ApplyResult made = apply(environment, plan(environment), 8, "it/zone", false);
        assertDone(made);
        environment.commit(made);
        String oldInstance = environment.cloudId(instance);

        environment.update(subnet, Map.of("availability_zone", "us-east-1b"));
        Plan plan = plan(environment);
        ApplyResult moved = apply(environment, plan, 8, "it/zone", false);

        assertDone(moved);
        assertEachStepStartedAfterWhatItDependsOn(plan, moved);
        assertThat(plan.steps()).extracting(PlanStep::summary).containsExactly(
                "replace instance zone-web (the old one)", "replace subnet 10.65.1.0/24 (the old one)",
                "replace subnet 10.65.1.0/24 (the new one)", "replace instance zone-web (the new one)");
        environment.commit(moved);
        assertThat(instance(oldInstance).state().nameAsString()).isEqualTo("terminated");
        Instance launched = instance(environment.cloudId(instance));
        assertThat(launched.subnetId()).isEqualTo(environment.cloudId(subnet));
        assertThat(launched.placement().availabilityZone()).isEqualTo("us-east-1b");
    }

    @Test
    void independentCreatesRunInParallelUpToTheBound() {
        TestEnvironment oneAtATime = new TestEnvironment();
        for (int i = 0; i < 10; i++) {
            oneAtATime.insert("vpc", "serial-" + i, Map.of("cidr_block", "10." + (100 + i) + ".0.0/16"), Map.of());
        }
        ApplyResult serial = apply(oneAtATime, plan(oneAtATime), 1, "it/serial", false);

        TestEnvironment eightAtATime = new TestEnvironment();
        for (int i = 0; i < 10; i++) {
            eightAtATime.insert("vpc", "parallel-" + i, Map.of("cidr_block", "10." + (120 + i) + ".0.0/16"), Map.of());
        }
        ApplyResult parallel = apply(eightAtATime, plan(eightAtATime), 8, "it/parallel", false);

        assertThat(serial.error()).isNull();
        assertThat(parallel.error()).isNull();
        assertThat(serial.maxParallelSteps()).isEqualTo(1);
        assertThat(parallel.maxParallelSteps()).isBetween(2, 8);
        assertThat(parallel.written()).hasSize(10);
        System.out.printf("10 VPC creates: %d ms one at a time, %d ms up to 8 at a time (%d at most)%n",
                serial.wallTime().toMillis(), parallel.wallTime().toMillis(), parallel.maxParallelSteps());
    }
}
