package dev.tablecloud.plan;

import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner against the real module tables, with the cloud given as data: no cloud is called. */
class PlannerTest {

    private static final String REGION = "us-east-1";
    private static final List<ResourceTable> TABLES = ModuleCatalog.tablesInDependencyOrder(
            List.of("aws_account", "aws_vpc", "aws_security_group", "aws_ec2", "aws_route53"));

    /** The transaction and the cloud of one test, built up row by row. */
    private final Map<String, List<RowState>> touched = new LinkedHashMap<>();
    private final Map<String, List<RowState>> deleted = new LinkedHashMap<>();
    private final Map<String, List<CloudResource>> cloud = new HashMap<>();
    private final Map<RowRef, String> cloudIds = new HashMap<>();

    private static ResourceTable table(String name) {
        return TABLES.stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    private static RowRef ref(String table, String rowId) {
        return new RowRef(table, rowId);
    }

    private static RowState row(String table, String rowId, String cloudId, Map<String, Object> values,
                                Map<String, RowRef> parents) {
        return new RowState(table, rowId, cloudId, REGION, values, parents);
    }

    /** An instance's links to security groups, as the database reads them for the instance's create. */
    private static Map<String, List<RowRef>> groups(RowRef... groups) {
        return Map.of("instance_security_groups", List.of(groups));
    }

    private RowState touch(RowState row) {
        touched.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
        return row;
    }

    private void delete(RowState row) {
        deleted.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
    }

    /** A row the transaction did not touch, as the database holds it. */
    private void untouched(RowState row) {
        cloudIds.put(row.ref(), row.cloudId());
    }

    private CloudResource inCloud(String table, String cloudId, Map<String, Object> values,
                                  Map<String, ParentRef> parents) {
        CloudResource resource = new CloudResource(cloudId, REGION, values, parents);
        cloud.computeIfAbsent(table, t -> new ArrayList<>()).add(resource);
        return resource;
    }

    /** The changes in the catalog's table order, every table's cloud read (empty if nothing is there). */
    private List<TableChanges> changes() {
        List<TableChanges> changes = new ArrayList<>();
        for (ResourceTable table : TABLES) {
            if (touched.containsKey(table.name()) || deleted.containsKey(table.name())) {
                changes.add(new TableChanges(table, touched.getOrDefault(table.name(), List.of()),
                        deleted.getOrDefault(table.name(), List.of())));
                cloud.putIfAbsent(table.name(), new ArrayList<>());
            }
        }
        return changes;
    }

    private Plan plan() {
        return Planner.plan(changes(), cloud, cloudIds::get);
    }

    private static PlanStep stepOf(Plan plan, String table, String rowId) {
        return plan.steps().stream().filter(step -> step.table().equals(table) && step.rowId().equals(rowId))
                .findFirst().orElseThrow(() -> new AssertionError("no step for " + table + " row " + rowId));
    }

    private static int indexOf(Plan plan, String table, String rowId) {
        return stepOf(plan, table, rowId).index();
    }

    private static void assertEveryStepComesAfterWhatItWaitsFor(Plan plan) {
        for (PlanStep step : plan.steps()) {
            assertThat(step.dependsOn()).as("steps before " + step.summary()).allMatch(first -> first < step.index());
        }
    }

    /** A VPC, two subnets, a group with a rule, a key pair, an instance in the group: all new. */
    private void newStack() {
        touch(row("vpc", "1", null, Map.of("cidr_block", "10.1.0.0/16", "tags", "{\"Name\": \"app\"}"), Map.of()));
        touch(row("subnet", "1", null, Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("subnet", "2", null, Map.of("cidr_block", "10.1.2.0/24", "availability_zone", "us-east-1b"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("security_group", "1", null, Map.of("group_name", "web", "description", "web"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("security_group_rule", "1", null, Map.of("is_egress", false, "ip_protocol", "tcp",
                "from_port", 443, "to_port", 443, "cidr_ipv4", "0.0.0.0/0"),
                Map.of("security_group_id", ref("security_group", "1"))));
        touch(row("key_pair", "1", null, Map.of("name", "deploy", "public_key", "ssh-ed25519 AAAA"), Map.of()));
        touch(row("instance", "1", null, Map.of("ami", "ami-1", "instance_type", "t3.micro",
                "key_pair_name", "deploy", "tags", "{\"Name\": \"web-1\"}"), Map.of("subnet_id", ref("subnet", "1")))
                .withLinks(groups(ref("security_group", "1"))));
        touch(row("instance_security_groups", "1", null, Map.of(), Map.of("instance_id", ref("instance", "1"),
                "security_group_id", ref("security_group", "1"))));
    }

    @Test
    void newRowsAreCreatedParentsFirstEachWaitingForWhatItPointsAt() {
        newStack();

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::action).containsOnly(Action.CREATE);
        assertThat(plan.steps()).extracting(PlanStep::table).containsExactly("vpc", "subnet", "subnet",
                "security_group", "security_group_rule", "key_pair", "instance", "instance_security_groups");
        assertThat(stepOf(plan, "subnet", "2").dependsOn()).containsExactly(indexOf(plan, "vpc", "1"));
        assertThat(stepOf(plan, "security_group_rule", "1").dependsOn())
                .containsExactly(indexOf(plan, "security_group", "1"));
        assertThat(stepOf(plan, "instance", "1").dependsOn())
                .as("its subnet, the key pair it names, and the group it is launched into")
                .containsExactlyInAnyOrder(indexOf(plan, "subnet", "1"), indexOf(plan, "key_pair", "1"),
                        indexOf(plan, "security_group", "1"));
        assertThat(stepOf(plan, "instance_security_groups", "1").dependsOn())
                .containsExactlyInAnyOrder(indexOf(plan, "instance", "1"), indexOf(plan, "security_group", "1"));
        assertThat(stepOf(plan, "vpc", "1").description()).isEqualTo("app");
        assertThat(stepOf(plan, "subnet", "1").description()).isEqualTo("10.1.1.0/24");
        assertThat(stepOf(plan, "security_group", "1").description()).isEqualTo("web");
        assertThat(stepOf(plan, "security_group_rule", "1").description()).isEqualTo("new security_group_rule row 1");
        assertThat(stepOf(plan, "subnet", "1").changes()).contains(
                new ColumnChange("cidr_block", null, "10.1.1.0/24"), new ColumnChange("vpc_id", null, "(new vpc row 1)"));
        assertThat(stepOf(plan, "subnet", "1").row().rowId()).isEqualTo("1");
        assertThat(stepOf(plan, "subnet", "1").current()).isNull();
    }

    @Test
    void foreignKeysOrderTheStepsWhateverOrderTheTablesAreGivenIn() {
        newStack();
        List<TableChanges> reversed = new ArrayList<>(changes());
        Collections.reverse(reversed);

        Plan plan = Planner.plan(reversed, cloud, cloudIds::get);

        assertThat(plan.steps()).hasSize(8);
        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(indexOf(plan, "vpc", "1")).isLessThan(indexOf(plan, "subnet", "1"));
        assertThat(indexOf(plan, "key_pair", "1")).isLessThan(indexOf(plan, "instance", "1"));
        assertThat(indexOf(plan, "security_group", "1")).isLessThan(indexOf(plan, "instance", "1"));
    }

    @Test
    void driftInUntouchedRowsIsLeftForTheSyncAndResourcesWithoutRowsStay() {
        untouched(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "tags", "{\"Name\": \"app\"}"), Map.of()));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "tags", "{\"Name\": \"changed-by-hand\"}"), Map.of());
        inCloud("vpc", "vpc-2", Map.of("cidr_block", "10.2.0.0/16"), Map.of());
        touch(row("subnet", "1", null, Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touched.put("vpc", new ArrayList<>());

        Plan plan = plan();

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.CREATE);
            assertThat(step.table()).isEqualTo("subnet");
            assertThat(step.dependsOn()).isEmpty();
            assertThat(step.changes()).contains(new ColumnChange("vpc_id", null, "vpc-1"));
        });
    }

    @Test
    void aRowEqualToItsResourceMakesNoStepWhateverTheCloudGenerated() {
        touch(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "state", "pending"), Map.of()));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "state", "available", "is_default", false),
                Map.of());

        assertThat(plan().isEmpty()).isTrue();
    }

    @Test
    void deletesGoChildrenFirst() {
        delete(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.1.0.0/16"), Map.of()));
        delete(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.1.0/24"), Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("security_group", "1", "sg-1", Map.of("group_name", "web"), Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("security_group_rule", "1", "sgr-1", Map.of(), Map.of("security_group_id",
                ref("security_group", "1"))));
        delete(row("instance", "1", "i-1", Map.of(), Map.of("subnet_id", ref("subnet", "1"))));
        delete(row("instance_security_groups", "1", "i-1/sg-1", Map.of(), Map.of("instance_id", ref("instance", "1"),
                "security_group_id", ref("security_group", "1"))));
        delete(row("subnet", "2", "subnet-gone", Map.of(), Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16"), Map.of());
        inCloud("subnet", "subnet-1", Map.of(), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("security_group", "sg-1", Map.of("group_name", "web"), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("security_group_rule", "sgr-1", Map.of(), Map.of("security_group_id",
                ParentRef.required("security_group", "sg-1")));
        inCloud("instance", "i-1", Map.of(), Map.of("subnet_id", ParentRef.required("subnet", "subnet-1")));
        inCloud("instance_security_groups", "i-1/sg-1", Map.of(), Map.of(
                "instance_id", ParentRef.required("instance", "i-1"),
                "security_group_id", ParentRef.required("security_group", "sg-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::action).containsOnly(Action.DELETE);
        assertThat(plan.steps()).extracting(PlanStep::table).as("the subnet already gone is not deleted")
                .containsExactly("instance_security_groups", "instance", "security_group_rule", "security_group",
                        "subnet", "vpc");
        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(stepOf(plan, "vpc", "1").dependsOn())
                .containsExactlyInAnyOrder(indexOf(plan, "subnet", "1"), indexOf(plan, "security_group", "1"));
        assertThat(stepOf(plan, "security_group", "1").dependsOn()).containsExactlyInAnyOrder(
                indexOf(plan, "security_group_rule", "1"), indexOf(plan, "instance_security_groups", "1"));
        assertThat(stepOf(plan, "subnet", "1").dependsOn()).containsExactly(indexOf(plan, "instance", "1"));
        assertThat(stepOf(plan, "vpc", "1").row()).isNull();
        assertThat(stepOf(plan, "vpc", "1").current().cloudId()).isEqualTo("vpc-1");
        assertThat(stepOf(plan, "vpc", "1").description()).isEqualTo("10.1.0.0/16");
    }

    @Test
    void aRowInThePlaceOfADeletedOneIsCreatedAfterTheDelete() {
        untouched(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.1.0.0/16"), Map.of()));
        delete(row("key_pair", "1", "key-1", Map.of("name", "deploy", "public_key", "ssh-ed25519 OLD"), Map.of()));
        touch(row("key_pair", "2", null, Map.of("name", "deploy", "public_key", "ssh-ed25519 NEW"), Map.of()));
        touch(row("key_pair", "3", null, Map.of("name", "other", "public_key", "ssh-ed25519 NEW"), Map.of()));
        delete(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("subnet", "2", null, Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1b"),
                Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16"), Map.of());
        inCloud("key_pair", "key-1", Map.of("name", "deploy", "public_key", "ssh-ed25519 OLD"), Map.of());
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        Plan plan = plan();

        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(stepOf(plan, "key_pair", "2").dependsOn()).containsExactly(indexOf(plan, "key_pair", "1"));
        assertThat(stepOf(plan, "key_pair", "3").dependsOn()).as("another name takes no one's place").isEmpty();
        assertThat(stepOf(plan, "subnet", "2").dependsOn()).containsExactly(indexOf(plan, "subnet", "1"));
    }

    @Test
    void aVpcsDefaultGroupIsLeftToTheVpcsDeleteWhichWaitsForItsRules() {
        delete(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        delete(row("security_group", "1", "sg-default", Map.of("group_name", "default"), Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("security_group_rule", "1", "sgr-1", Map.of(), Map.of("security_group_id",
                ref("security_group", "1"))));
        delete(row("security_group", "2", "sg-web", Map.of("group_name", "web"), Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("vpc", "vpc-1", Map.of(), Map.of());
        inCloud("security_group", "sg-default", Map.of("group_name", "default"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("security_group_rule", "sgr-1", Map.of(), Map.of("security_group_id",
                ParentRef.required("security_group", "sg-default")));
        inCloud("security_group", "sg-web", Map.of("group_name", "web"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::description).containsExactly("sgr-1", "web", "vpc-1");
        assertThat(stepOf(plan, "vpc", "1").dependsOn()).containsExactlyInAnyOrder(
                indexOf(plan, "security_group_rule", "1"), indexOf(plan, "security_group", "2"));
    }

    @Test
    void aDefaultGroupDeletedWithoutItsVpcIsStillPlannedForTheAdapterToRefuse() {
        delete(row("security_group", "1", "sg-default", Map.of("group_name", "default"), Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("security_group", "sg-default", Map.of("group_name", "default"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        assertThat(plan().steps()).extracting(PlanStep::action).containsExactly(Action.DELETE);
    }

    @Test
    void aDeletedRowWhoseResourceATouchedRowHoldsIsNotDeleted() {
        RowState before = row("key_pair", "1", "key-1", Map.of("name", "deploy", "public_key", "k"), Map.of());
        delete(before);
        touch(row("key_pair", "2", "key-1", Map.of("name", "deploy", "public_key", "k"), Map.of()));
        inCloud("key_pair", "key-1", Map.of("name", "deploy", "public_key", "k"), Map.of());

        assertThat(plan().isEmpty()).isTrue();
    }

    @Test
    void aColumnAwsCannotChangeInPlaceReplacesTheResource() {
        untouched(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        touch(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.2.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a",
                "state", "available"), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        Plan plan = plan();

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.REPLACE);
            assertThat(step.changes()).containsExactly(new ColumnChange("cidr_block", "10.1.1.0/24", "10.1.2.0/24"));
            assertThat(step.current().cloudId()).isEqualTo("subnet-1");
            assertThat(step.row().cloudId()).isEqualTo("subnet-1");
        });
    }

    @Test
    void aChangeAwsMakesInPlaceIsAnUpdateShowingOldAndNewValues() {
        touch(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "tags", "{\"Name\": \"app-2\"}",
                "enable_dns_hostnames", true), Map.of()));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16", "tags", "{\"Name\": \"app\"}",
                "enable_dns_hostnames", false, "state", "available"), Map.of());

        Plan plan = plan();

        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.UPDATE);
            assertThat(step.description()).isEqualTo("app-2");
            assertThat(step.changes()).containsExactlyInAnyOrder(
                    new ColumnChange("tags", "{\"Name\": \"app\"}", "{\"Name\": \"app-2\"}"),
                    new ColumnChange("enable_dns_hostnames", false, true));
        });
    }

    @Test
    void aResourceWhoseRowMovedToAnotherRegionIsMadeAgainThere() {
        touch(new RowState("key_pair", "1", "key-1", "eu-west-1", Map.of("name", "deploy", "public_key", "k"), Map.of()));
        inCloud("key_pair", "key-1", Map.of("name", "deploy", "public_key", "k"), Map.of());

        assertThat(plan().steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.REPLACE);
            assertThat(step.changes()).containsExactly(new ColumnChange("region", REGION, "eu-west-1"));
        });
    }

    @Test
    void aResourcePointedAtAParentThePlanCreatesChangesAndWaitsForIt() {
        untouched(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        touch(row("subnet", "2", null, Map.of("cidr_block", "10.1.2.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("instance", "1", "i-1", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of("subnet_id", ref("subnet", "2"))));
        inCloud("instance", "i-1", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of("subnet_id", ParentRef.required("subnet", "subnet-1")));

        Plan plan = plan();

        assertThat(stepOf(plan, "instance", "1")).satisfies(step -> {
            assertThat(step.action()).isEqualTo(Action.REPLACE);
            assertThat(step.changes()).containsExactly(new ColumnChange("subnet_id", "subnet-1", "(new subnet row 2)"));
            assertThat(step.dependsOn()).containsExactly(indexOf(plan, "subnet", "2"));
        });
    }

    @Test
    void aParentIsDeletedOnlyAfterAChildMovedAwayFromIt() {
        delete(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        untouched(row("vpc", "2", "vpc-2", Map.of(), Map.of()));
        touch(row("internet_gateway", "1", "igw-1", Map.of(), Map.of("vpc_id", ref("vpc", "2"))));
        inCloud("vpc", "vpc-1", Map.of(), Map.of());
        inCloud("vpc", "vpc-2", Map.of(), Map.of());
        inCloud("internet_gateway", "igw-1", Map.of(), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::action).containsExactly(Action.UPDATE, Action.DELETE);
        assertThat(stepOf(plan, "internet_gateway", "1").changes())
                .containsExactly(new ColumnChange("vpc_id", "vpc-1", "vpc-2"));
        assertThat(stepOf(plan, "vpc", "1").dependsOn()).containsExactly(indexOf(plan, "internet_gateway", "1"));
    }

    @Test
    void aParentIsReplacedOnlyAfterTheChildrenDeletedWithIt() {
        untouched(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        touch(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.9.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("instance", "1", "i-1", Map.of(), Map.of("subnet_id", ref("subnet", "1"))));
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("instance", "i-1", Map.of(), Map.of("subnet_id", ParentRef.required("subnet", "subnet-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::action).containsExactly(Action.DELETE, Action.REPLACE);
        assertThat(stepOf(plan, "subnet", "1").dependsOn()).containsExactly(indexOf(plan, "instance", "1"));
    }

    private static PlanStep halfOf(Plan plan, String table, String rowId, Half half) {
        return plan.steps().stream().filter(step -> step.table().equals(table) && step.rowId().equals(rowId)
                        && step.half() == half).findFirst()
                .orElseThrow(() -> new AssertionError("no " + half + " step for " + table + " row " + rowId));
    }

    @Test
    void aDeletedVpcTakesItsMainRouteTableAndLocalRouteWithIt() {
        delete(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        delete(row("route_table", "1", "rtb-main", Map.of(), Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("route", "1", "rtb-main|10.1.0.0/16", Map.of("destination", "10.1.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", ref("route_table", "1"))));
        delete(row("route_table", "2", "rtb-web", Map.of(), Map.of("vpc_id", ref("vpc", "1"))));
        delete(row("route", "2", "rtb-web|10.1.0.0/16", Map.of("destination", "10.1.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", ref("route_table", "2"))));
        inCloud("vpc", "vpc-1", Map.of(), Map.of());
        inCloud("route_table", "rtb-main", Map.of("main", true), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("route", "rtb-main|10.1.0.0/16", Map.of("destination", "10.1.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", ParentRef.required("route_table", "rtb-main")));
        inCloud("route_table", "rtb-web", Map.of("main", false), Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("route", "rtb-web|10.1.0.0/16", Map.of("destination", "10.1.0.0/16", "gateway_id", "local"),
                Map.of("route_table_id", ParentRef.required("route_table", "rtb-web")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::summary).containsExactly("delete route_table rtb-web",
                "delete vpc vpc-1");
        assertThat(stepOf(plan, "vpc", "1").dependsOn()).containsExactly(indexOf(plan, "route_table", "2"));
    }

    /** A VPC whose block changes, with a subnet, its default group and a group of its own: what AWS accepts. */
    @Test
    void aVpcMadeAnewIsMadeBeforeItsChildrenMoveAndDeletedAfterTheyLeft() {
        touch(row("vpc", "1", "vpc-1", Map.of("cidr_block", "10.2.0.0/16"), Map.of()));
        touch(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.2.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("security_group", "1", "sg-default", Map.of("group_name", "default", "description", "default"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("security_group", "2", "sg-web", Map.of("group_name", "web", "description", "web"),
                Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("vpc", "vpc-1", Map.of("cidr_block", "10.1.0.0/16"), Map.of());
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("security_group", "sg-default", Map.of("group_name", "default", "description", "default"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("security_group", "sg-web", Map.of("group_name", "web", "description", "web"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        Plan plan = plan();

        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(plan.steps()).as("the default group goes with the old VPC").noneMatch(step ->
                step.table().equals("security_group") && step.rowId().equals("1"));
        PlanStep newVpc = halfOf(plan, "vpc", "1", Half.NEW_BESIDE_OLD);
        PlanStep oldVpc = halfOf(plan, "vpc", "1", Half.OLD);
        assertThat(newVpc.index()).isEqualTo(1);
        assertThat(newVpc.changes()).containsExactly(new ColumnChange("cidr_block", "10.1.0.0/16", "10.2.0.0/16"));
        assertThat(oldVpc.index()).as("the old VPC goes last").isEqualTo(plan.steps().size());
        assertThat(oldVpc.description()).isEqualTo("10.2.0.0/16 (the old one)");
        for (String table : List.of("subnet", "security_group")) {
            String rowId = table.equals("subnet") ? "1" : "2";
            PlanStep oldChild = halfOf(plan, table, rowId, Half.OLD);
            PlanStep newChild = halfOf(plan, table, rowId, Half.NEW_AFTER_OLD);
            assertThat(newChild.dependsOn()).as("made in the new VPC, after the old one is gone")
                    .contains(newVpc.index(), oldChild.index());
            assertThat(oldVpc.dependsOn()).as("the old VPC waits until it is empty").contains(oldChild.index());
        }
    }

    /** A zone renamed: Route 53 deletes a zone only when it holds nothing but its SOA and NS. */
    @Test
    void aRenamedZoneIsMadeFirstItsRecordsMovedAndTheOldZoneDeletedWhenEmpty() {
        touch(row("hosted_zone", "1", "Z1", Map.of("domain_name", "new.example.com."), Map.of()));
        touch(row("resource_record_set", "1", "Z1|www.old.example.com.|A", Map.of("name", "www.new.example.com.",
                "record_type", "A", "record", "10.0.0.1", "ttl", 300), Map.of("parent_hosted_zone_id",
                ref("hosted_zone", "1"))));
        touch(row("resource_record_set", "2", "Z1|old.example.com.|SOA", Map.of("name", "old.example.com.",
                "record_type", "SOA", "record", "ns. admin. 1 7200 900 1209600 86400", "ttl", 900),
                Map.of("parent_hosted_zone_id", ref("hosted_zone", "1"))));
        inCloud("hosted_zone", "Z1", Map.of("domain_name", "old.example.com."), Map.of());
        inCloud("resource_record_set", "Z1|www.old.example.com.|A", Map.of("name", "www.old.example.com.",
                "record_type", "A", "record", "10.0.0.1", "ttl", 300, "zones_own", false),
                Map.of("parent_hosted_zone_id", ParentRef.required("hosted_zone", "Z1")));
        inCloud("resource_record_set", "Z1|old.example.com.|SOA", Map.of("name", "old.example.com.",
                "record_type", "SOA", "record", "ns. admin. 1 7200 900 1209600 86400", "ttl", 900, "zones_own", true),
                Map.of("parent_hosted_zone_id", ParentRef.required("hosted_zone", "Z1")));

        Plan plan = plan();

        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(plan.steps()).extracting(PlanStep::summary).containsExactly(
                "replace hosted_zone new.example.com. (the new one)",
                "replace resource_record_set www.new.example.com. (the old one)",
                "replace resource_record_set www.new.example.com. (the new one)",
                "replace hosted_zone new.example.com. (the old one)");
        assertThat(plan.step(3).dependsOn()).containsExactlyInAnyOrder(1, 2);
        assertThat(plan.step(4).dependsOn()).containsExactlyInAnyOrder(1, 2);
    }

    /** A subnet keeps its block in another zone: AWS lets one subnet hold it, so the old one goes first. */
    @Test
    void aSubnetMovedToAnotherZoneGoesAfterItsInstanceAndComesBackBeforeIt() {
        untouched(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        touch(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1b"),
                Map.of("vpc_id", ref("vpc", "1"))));
        touch(row("instance", "1", "i-1", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of("subnet_id", ref("subnet", "1"))));
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));
        inCloud("instance", "i-1", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of("subnet_id", ParentRef.required("subnet", "subnet-1")));

        Plan plan = plan();

        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(plan.steps()).extracting(step -> step.table() + " " + step.half()).containsExactly(
                "instance OLD", "subnet OLD", "subnet NEW_AFTER_OLD", "instance NEW_AFTER_OLD");
        assertThat(plan.step(2).dependsOn()).containsExactly(1);
        assertThat(plan.step(3).dependsOn()).containsExactly(2);
        assertThat(plan.step(4).dependsOn()).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void aReplaceWithoutMovingChildrenStaysOneStep() {
        untouched(row("vpc", "1", "vpc-1", Map.of(), Map.of()));
        touch(row("subnet", "1", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1b"),
                Map.of("vpc_id", ref("vpc", "1"))));
        inCloud("subnet", "subnet-1", Map.of("cidr_block", "10.1.1.0/24", "availability_zone", "us-east-1a"),
                Map.of("vpc_id", ParentRef.required("vpc", "vpc-1")));

        assertThat(plan().steps()).singleElement().extracting(PlanStep::half).isEqualTo(Half.WHOLE);
    }

    @Test
    void aLinkIsCreatedAfterBothEndsAndAnExistingLinkIsLeftAlone() {
        untouched(row("security_group", "1", "sg-1", Map.of(), Map.of()));
        touch(row("instance", "1", null, Map.of("ami", "ami-1", "instance_type", "t3.micro"), Map.of()));
        touch(row("instance", "2", "i-2", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of()));
        inCloud("instance", "i-2", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"),
                Map.of("subnet_id", ParentRef.required("subnet", "subnet-default")));
        touch(row("instance_security_groups", "1", null, Map.of(), Map.of("instance_id", ref("instance", "1"),
                "security_group_id", ref("security_group", "1"))));
        touch(row("instance_security_groups", "2", "i-2/sg-1", Map.of(), Map.of("instance_id", ref("instance", "2"),
                "security_group_id", ref("security_group", "1"))));
        inCloud("instance_security_groups", "i-2/sg-1", Map.of(), Map.of(
                "instance_id", ParentRef.required("instance", "i-2"),
                "security_group_id", ParentRef.required("security_group", "sg-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::table, PlanStep::rowId, PlanStep::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("instance", "1", Action.CREATE),
                org.assertj.core.groups.Tuple.tuple("instance_security_groups", "1", Action.CREATE));
        assertThat(stepOf(plan, "instance_security_groups", "1").dependsOn())
                .containsExactly(indexOf(plan, "instance", "1"));
        assertThat(stepOf(plan, "instance_security_groups", "1").changes()).contains(
                new ColumnChange("instance_id", null, "(new instance row 1)"),
                new ColumnChange("security_group_id", null, "sg-1"));
    }

    @Test
    void anInstanceIsLaunchedAfterTheGroupsItsLinksNameAndOnlyACreateWaitsForThem() {
        untouched(row("security_group", "1", "sg-1", Map.of(), Map.of()));
        touch(row("security_group", "2", null, Map.of("group_name", "web", "description", "web"), Map.of()));
        touch(row("security_group", "3", "sg-3", Map.of("group_name", "admin", "description", "admin"), Map.of()));
        inCloud("security_group", "sg-3", Map.of("group_name", "admin", "description", "old"), Map.of());
        touch(row("instance", "1", null, Map.of("ami", "ami-1", "instance_type", "t3.micro"), Map.of())
                .withLinks(groups(ref("security_group", "1"), ref("security_group", "2"), ref("security_group", "3"))));
        touch(row("instance", "2", "i-2", Map.of("ami", "ami-2", "instance_type", "t3.micro", "state", "running"),
                Map.of()).withLinks(groups(ref("security_group", "2"))));
        inCloud("instance", "i-2", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"), Map.of());
        touch(row("instance", "3", "i-3", Map.of("ami", "ami-1", "instance_type", "t3.small", "state", "running"),
                Map.of()).withLinks(groups(ref("security_group", "2"))));
        inCloud("instance", "i-3", Map.of("ami", "ami-1", "instance_type", "t3.micro", "state", "running"), Map.of());
        for (String instance : List.of("1", "2", "3")) {
            touch(row("instance_security_groups", instance, null, Map.of(), Map.of(
                    "instance_id", ref("instance", instance), "security_group_id", ref("security_group", "2"))));
        }

        Plan plan = plan();

        assertEveryStepComesAfterWhatItWaitsFor(plan);
        assertThat(stepOf(plan, "instance", "1").dependsOn()).as("the new and the replaced group, not the one there")
                .containsExactlyInAnyOrder(indexOf(plan, "security_group", "2"), indexOf(plan, "security_group", "3"));
        assertThat(stepOf(plan, "instance", "2").action()).isEqualTo(Action.REPLACE);
        assertThat(stepOf(plan, "instance", "2").dependsOn()).as("a replace launches anew")
                .containsExactly(indexOf(plan, "security_group", "2"));
        assertThat(stepOf(plan, "instance", "3").action()).isEqualTo(Action.UPDATE);
        assertThat(stepOf(plan, "instance", "3").dependsOn()).as("an update leaves the groups to the links").isEmpty();
        assertThat(stepOf(plan, "instance", "1").row().links()).isEqualTo(groups(ref("security_group", "1"),
                ref("security_group", "2"), ref("security_group", "3")));
        assertThat(plan.steps()).filteredOn(step -> step.table().equals("instance_security_groups"))
                .as("the links are still shown as made").extracting(PlanStep::action).containsOnly(Action.CREATE)
                .hasSize(3);
        assertThat(stepOf(plan, "instance_security_groups", "1").dependsOn())
                .containsExactlyInAnyOrder(indexOf(plan, "instance", "1"), indexOf(plan, "security_group", "2"));
    }

    @Test
    void aLinkPointedAtAnotherGroupIsMadeAndTheOldOneDeleted() {
        untouched(row("instance", "1", "i-1", Map.of(), Map.of()));
        untouched(row("security_group", "1", "sg-1", Map.of(), Map.of()));
        untouched(row("security_group", "2", "sg-2", Map.of(), Map.of()));
        delete(row("instance_security_groups", "1", "i-1/sg-1", Map.of(), Map.of("instance_id", ref("instance", "1"),
                "security_group_id", ref("security_group", "1"))));
        touch(row("instance_security_groups", "1", "i-1/sg-2", Map.of(), Map.of("instance_id", ref("instance", "1"),
                "security_group_id", ref("security_group", "2"))));
        inCloud("instance_security_groups", "i-1/sg-1", Map.of(), Map.of(
                "instance_id", ParentRef.required("instance", "i-1"),
                "security_group_id", ParentRef.required("security_group", "sg-1")));

        Plan plan = plan();

        assertThat(plan.steps()).extracting(PlanStep::action).containsExactly(Action.CREATE, Action.DELETE);
        assertThat(plan.step(1).changes()).contains(new ColumnChange("security_group_id", null, "sg-2"));
        assertThat(plan.step(2).current().cloudId()).isEqualTo("i-1/sg-1");
        assertThat(plan.step(2).description()).isEqualTo("i-1/sg-1");
    }

    @Test
    void aRowOfATableTheCloudAloneFillsIsRefusedNamingIt() {
        touch(row("availability_zone", "us-east-1z", "us-east-1z", Map.of(), Map.of()));

        assertThatThrownBy(this::plan)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("availability_zone row us-east-1z")
                .hasMessageContaining("filled by the cloud alone");
    }

    @Test
    void aChangedTableWhoseCloudWasNotReadIsRefused() {
        touch(row("vpc", "1", null, Map.of("cidr_block", "10.1.0.0/16"), Map.of()));
        List<TableChanges> changes = changes();
        cloud.remove("vpc");

        assertThatThrownBy(() -> Planner.plan(changes, cloud, cloudIds::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The cloud of table vpc was not read");
    }
}
