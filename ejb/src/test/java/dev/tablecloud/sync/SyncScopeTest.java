package dev.tablecloud.sync;

import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudResource.ParentRef;
import dev.tablecloud.module.DetailedReads;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a commit's closing sync reads and writes, worked out from the module tables themselves. */
class SyncScopeTest {

    private static final String REGION = "us-east-1";
    private static final List<ResourceTable> INSTALLED = ModuleCatalog.tablesInDependencyOrder(
            List.of("aws_account", "aws_vpc", "aws_security_group", "aws_ec2", "aws_s3"));
    private static final Map<String, ResourceTable> TABLES = INSTALLED.stream()
            .collect(Collectors.toMap(ResourceTable::name, Function.identity()));

    private static ResourceTable table(String name) {
        return TABLES.get(name);
    }

    private static List<String> names(List<ResourceTable> tables) {
        return tables.stream().map(ResourceTable::name).toList();
    }

    private static CloudResource resource(String cloudId, Map<String, Object> values, Map<String, ParentRef> parents) {
        return new CloudResource(cloudId, REGION, values, parents);
    }

    private static CloudResource vpcAsListed(String vpcId) {
        Map<String, Object> values = new HashMap<>();
        values.put("cidr_block", "10.1.0.0/16");
        values.put("state", "available");
        values.put("is_default", false);
        values.put("tags", null);
        return resource(vpcId, values, Map.of());
    }

    private static CloudResource groupOf(String groupId, String vpcId) {
        return resource(groupId, Map.of("group_name", "default"), Map.of("vpc_id", ParentRef.required("vpc", vpcId)));
    }

    private static CloudResource ruleOf(String ruleId, String groupId) {
        return resource(ruleId, Map.of("is_egress", true),
                Map.of("security_group_id", ParentRef.required("security_group", groupId)));
    }

    @Test
    void aSyncOfTheEnvironmentCoversEverything() {
        SyncScope everything = SyncScope.everything();
        Coverage coverage = new Coverage(everything);

        assertThat(everything.tables(INSTALLED)).isEqualTo(INSTALLED);
        assertThat(everything.regions(List.of(REGION, "eu-west-1"))).containsExactly(REGION, "eu-west-1");
        assertThat(everything.detailed("vpc").includes("vpc-any")).isTrue();
        assertThat(coverage.covers(table("vpc"), vpcAsListed("vpc-any"))).isTrue();
        assertThat(coverage.coversGone(table("subnet"), "3", "subnet-gone", Map.of("vpc_id", "1"))).isTrue();
    }

    @Test
    void aVpcUpdatedInPlaceIsReadAloneWithItsAttributesAndNothingBelowItIsWritten() {
        SyncScope scope = SyncScope.ofCommit().touched(table("vpc"), "vpc-a", REGION).build();
        Coverage coverage = new Coverage(scope);

        assertThat(names(scope.tables(INSTALLED))).containsExactly("vpc");
        assertThat(scope.regions(List.of(REGION, "eu-west-1"))).containsExactly(REGION);
        DetailedReads detailed = scope.detailed("vpc");
        assertThat(detailed.includes("vpc-a")).isTrue();
        assertThat(detailed.includes("vpc-b")).as("an untouched VPC").isFalse();
        assertThat(coverage.covers(table("vpc"), vpcAsListed("vpc-a"))).isTrue();
        assertThat(coverage.covers(table("vpc"), vpcAsListed("vpc-b"))).as("drift on an untouched VPC").isFalse();
        coverage.rowOf(table("vpc"), "1", "vpc-a");
        assertThat(coverage.coversGone(table("security_group"), "7", "sg-gone", Map.of("vpc_id", "1")))
                .as("a group of the updated VPC, deleted by hand").isFalse();
    }

    @Test
    void aVpcTheCommitMadeBringsTheTablesBelowItAndWhatTheCloudMadeWithIt() {
        CloudResource answered = vpcAsListed("vpc-new").with("enable_dns_support", true)
                .with("enable_dns_hostnames", false).with("tags", "{\"Name\": \"old answer\"}");
        SyncScope scope = SyncScope.ofCommit().madeOrRemoved(table("vpc"), "vpc-new", REGION)
                .answered(table("vpc"), answered).build();
        Coverage coverage = new Coverage(scope);

        assertThat(names(scope.tables(INSTALLED))).containsExactly("vpc", "subnet", "internet_gateway", "route_table",
                "route", "route_table_association", "security_group", "security_group_rule", "instance",
                "instance_security_groups");
        assertThat(scope.detailed("vpc").includes("vpc-new")).as("the apply answered for it").isFalse();
        assertThat(scope.detailed("instance").includes("i-other")).isFalse();

        CloudResource listed = vpcAsListed("vpc-new");
        assertThat(coverage.covers(table("vpc"), listed)).isTrue();
        assertThat(coverage.covers(table("vpc"), vpcAsListed("vpc-old"))).isFalse();
        assertThat(coverage.valuesOf(table("vpc"), listed)).as("the answer fills what the list leaves out only")
                .containsEntry("enable_dns_support", true).containsEntry("enable_dns_hostnames", false)
                .containsEntry("tags", null);
        assertThat(coverage.covers(table("security_group"), groupOf("sg-default-new", "vpc-new")))
                .as("the new VPC's default group").isTrue();
        assertThat(coverage.covers(table("security_group"), groupOf("sg-default-old", "vpc-old"))).isFalse();
        assertThat(coverage.covers(table("security_group_rule"), ruleOf("sgr-new", "sg-default-new")))
                .as("that group's rule").isTrue();
        assertThat(coverage.covers(table("security_group_rule"), ruleOf("sgr-old", "sg-default-old"))).isFalse();
    }

    @Test
    void rowsWhoseResourcesWentWithAReplacedParentAreDeletedAndNoOthers() {
        SyncScope scope = SyncScope.ofCommit().madeOrRemoved(table("vpc"), "vpc-before", REGION)
                .madeOrRemoved(table("vpc"), "vpc-after", REGION).build();
        Coverage coverage = new Coverage(scope);
        coverage.covers(table("vpc"), vpcAsListed("vpc-after"));
        coverage.covers(table("vpc"), vpcAsListed("vpc-sibling"));
        coverage.rowOf(table("vpc"), "1", "vpc-after");
        coverage.rowOf(table("vpc"), "2", "vpc-sibling");

        assertThat(coverage.coversGone(table("security_group"), "7", "sg-default-before", Map.of("vpc_id", "1")))
                .as("the old VPC's default group").isTrue();
        assertThat(coverage.coversGone(table("security_group"), "8", "sg-deleted-by-hand", Map.of("vpc_id", "2")))
                .as("drift in another VPC").isFalse();
        assertThat(coverage.coversGone(table("security_group_rule"), "9", "sgr-of-default-before",
                Map.of("security_group_id", "7"))).as("the old default group's rule").isTrue();
        assertThat(coverage.coversGone(table("security_group_rule"), "10", "sgr-deleted-by-hand",
                Map.of("security_group_id", "8"))).isFalse();
    }

    @Test
    void aResourceTheApplyJustMadeKeepsItsRowWhileTheListDoesNotShowItYet() {
        SyncScope scope = SyncScope.ofCommit().madeOrRemoved(table("vpc"), "vpc-new", REGION)
                .answered(table("vpc"), vpcAsListed("vpc-new")).touched(table("vpc"), "vpc-gone", REGION).build();
        Coverage coverage = new Coverage(scope);

        assertThat(coverage.coversGone(table("vpc"), "1", "vpc-new", Map.of())).isFalse();
        assertThat(coverage.coversGone(table("vpc"), "2", "vpc-gone", Map.of()))
                .as("a touched VPC deleted by hand meanwhile").isTrue();
    }

    @Test
    void aBucketTouchedInAnotherRegionDoesNotAddThatRegionToTheRegionalReads() {
        SyncScope scope = SyncScope.ofCommit().touched(table("bucket"), "logs", "eu-west-1")
                .touched(table("subnet"), "subnet-1", REGION).build();

        assertThat(scope.regions(List.of(REGION, "eu-west-1"))).containsExactly(REGION);
        assertThat(names(scope.tables(INSTALLED))).containsExactly("subnet", "bucket");
    }
}
