package dev.tablecloud.sync;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.Planner;
import dev.tablecloud.plan.RowState;
import dev.tablecloud.plan.TableChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of a preview and of a commit's closing sync against moto, counted by the session's
 * interceptor on the real SDK clients: list pages of the touched types, and the attributes AWS
 * reports one resource per call only for the resources the transaction touched.
 */
class TargetedReadsIT {

    private static final String REGION = "us-east-1";
    private static final String AMI = "ami-1e749f67";
    private static final int VPCS = 12;
    private static final List<ResourceTable> INSTALLED = ModuleCatalog.tablesInDependencyOrder(
            List.of("aws_account", "aws_vpc", "aws_security_group", "aws_ec2"));
    private static final Map<String, ResourceTable> TABLES = INSTALLED.stream()
            .collect(Collectors.toMap(ResourceTable::name, Function.identity()));
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static ExecutorService threads;
    private static AwsSession checks;
    private static final List<String> vpcIds = new ArrayList<>();

    @BeforeAll
    static void startCloud() throws Exception {
        threads = Executors.newFixedThreadPool(16);
        checks = moto.session(REGION);
        for (int i = 0; i < VPCS; i++) {
            int n = i;
            String vpcId = ec2().createVpc(r -> r.cidrBlock("10." + (40 + n) + ".0.0/16")).vpc().vpcId();
            ec2().createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value("many-" + n).build()));
            vpcIds.add(vpcId);
        }
    }

    @AfterAll
    static void stopCloud() {
        threads.shutdownNow();
    }

    private static Ec2Client ec2() {
        return checks.client(Ec2Client.class, REGION);
    }

    /** A session of its own, with threads for per-resource reads, as the engine opens one per piece of work. */
    private static AwsSession session() {
        return moto.session(REGION, threads);
    }

    private static CloudResource readBack(String table, String cloudId) {
        try (AwsSession aws = session()) {
            return TABLES.get(table).reader().readAll(aws, REGION).stream()
                    .filter(resource -> resource.cloudId().equals(cloudId)).findFirst().orElseThrow();
        }
    }

    /** The row of a resource as a sync wrote it, then changed by a user. */
    private static RowState rowOf(String table, String rowId, CloudResource resource, Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(resource.values());
        values.putAll(changes);
        return new RowState(table, rowId, resource.cloudId(), REGION, values, Map.of());
    }

    @Test
    void aPreviewOfOneVpcsTagsAmongManyReadsOnePageAndThatVpcsTwoAttributes() {
        String changed = vpcIds.get(3);
        RowState row = rowOf("vpc", "4", readBack("vpc", changed),
                Map.of("tags", "{\"Name\": \"many-3\", \"team\": \"web\"}"));
        TableChanges change = new TableChanges(TABLES.get("vpc"), List.of(row), List.of());

        Map<String, List<CloudResource>> cloud;
        Map<String, Long> calls;
        try (AwsSession aws = session()) {
            cloud = new CloudReads(aws, threads).readFor(List.of(change), REGION);
            calls = aws.callsByOperation();
        }

        assertThat(calls).as("requests of the preview's read").isEqualTo(Map.of("DescribeVpcs", 1L,
                "DescribeVpcAttribute", 2L));
        assertThat(cloud.get("vpc")).hasSize(VPCS + 1).allSatisfy(vpc -> assertThat(vpc.values()
                .containsKey("enable_dns_support")).as("DNS attribute of " + vpc.cloudId() + " read")
                .isEqualTo(vpc.cloudId().equals(changed)));
        Plan plan = Planner.plan(List.of(change), cloud, ref -> null);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.UPDATE);
            assertThat(step.changes()).singleElement()
                    .satisfies(column -> assertThat(column.column()).isEqualTo("tags"));
        });

        try (AwsSession aws = session()) {
            TABLES.get("vpc").reader().readAll(aws, REGION);
            assertThat(aws.calls()).as("the same read with every VPC's attributes, as a sync of the account makes it")
                    .isEqualTo(1 + 2 * (VPCS + 1));
        }
    }

    @Test
    void aPreviewOfOneInstanceReadsTheUserDataOfThatOneOnly() {
        List<String> launched = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String script = "#!/bin/sh\necho " + i + "\n";
            launched.add(ec2().runInstances(r -> r.imageId(AMI).instanceType("t3.micro").minCount(1).maxCount(1)
                    .userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8))))
                    .instances().get(0).instanceId());
        }
        String touched = launched.get(1);
        CloudResource before = readBack("instance", touched);
        assertThat(before.values()).containsEntry("user_data", "#!/bin/sh\necho 1\n");
        TableChanges change = new TableChanges(TABLES.get("instance"),
                List.of(rowOf("instance", "2", before, Map.of())), List.of());

        Map<String, List<CloudResource>> cloud;
        Map<String, Long> calls;
        try (AwsSession aws = session()) {
            cloud = new CloudReads(aws, threads).readFor(List.of(change), REGION);
            calls = aws.callsByOperation();
        }

        assertThat(calls).isEqualTo(Map.of("DescribeInstances", 1L, "DescribeInstanceAttribute", 1L));
        assertThat(cloud.get("instance")).filteredOn(instance -> launched.contains(instance.cloudId()))
                .hasSize(3).allSatisfy(instance -> assertThat(instance.values().containsKey("user_data"))
                        .isEqualTo(instance.cloudId().equals(touched)));
        assertThat(Planner.plan(List.of(change), cloud, ref -> null).steps())
                .as("the touched instance's user data was read: a row equal to its instance needs nothing").isEmpty();
    }

    @Test
    void theSyncClosingACommitThatMadeAVpcReadsListPagesOnlyAndCoversWhatCameWithTheVpc() {
        CloudResource made;
        try (AwsSession aws = session()) {
            made = TABLES.get("vpc").writes().writer().create(aws, AdapterContract.row("vpc", "100", REGION,
                    Map.of("cidr_block", "10.90.0.0/16", "tags", "{\"Name\": \"made\"}"), Map.of()));
        }
        SyncScope scope = SyncScope.ofCommit().answered(TABLES.get("vpc"), made)
                .madeOrRemoved(TABLES.get("vpc"), made.cloudId(), REGION).build();
        List<ResourceTable> tables = scope.tables(INSTALLED);

        CloudSnapshot snapshot;
        Map<String, Long> calls;
        try (AwsSession aws = session()) {
            snapshot = new CloudReads(aws, threads).read(tables, scope.regions(List.of(REGION, "eu-west-1")), REGION,
                    scope::detailed);
            calls = aws.callsByOperation();
        }

        assertThat(calls).as("one list page per type, the route tables and instances shared by the tables"
                + " they fill; the new VPC's DNS attributes come from the apply's answer").isEqualTo(Map.of(
                "DescribeVpcs", 1L, "DescribeSubnets", 1L, "DescribeInternetGateways", 1L, "DescribeRouteTables", 1L,
                "DescribeSecurityGroups", 1L, "DescribeSecurityGroupRules", 1L, "DescribeInstances", 1L));
        assertThat(snapshot.regionsRead()).containsExactly(REGION);

        Coverage coverage = new Coverage(scope);
        Map<String, List<String>> covered = new HashMap<>();
        for (ResourceTable table : tables) {
            for (CloudResource resource : snapshot.resourcesByTable().get(table.name())) {
                if (coverage.covers(table, resource)) {
                    covered.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(resource.cloudId());
                }
            }
        }
        assertThat(covered.get("vpc")).containsExactly(made.cloudId());
        CloudResource vpc = snapshot.resourcesByTable().get("vpc").stream()
                .filter(resource -> resource.cloudId().equals(made.cloudId())).findFirst().orElseThrow();
        assertThat(coverage.valuesOf(TABLES.get("vpc"), vpc)).containsEntry("enable_dns_support", true)
                .containsEntry("enable_dns_hostnames", false).containsEntry("tags", "{\"Name\": \"made\"}");
        String defaultGroup = ec2().describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(made.cloudId()),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
        assertThat(covered.get("security_group")).as("the new VPC's default group, no other")
                .containsExactly(defaultGroup);
        assertThat(covered.get("security_group_rule")).as("that group's rules").isNotEmpty();
        String mainTable = ec2().describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(made.cloudId())))
                .routeTables().get(0).routeTableId();
        assertThat(covered.get("route_table")).containsExactly(mainTable);
        assertThat(covered.get("route")).as("its local route").hasSize(1);
        assertThat(covered.get("route_table_association")).as("its main association").hasSize(1);
        assertThat(covered).doesNotContainKeys("subnet", "instance", "instance_security_groups");
    }
}
