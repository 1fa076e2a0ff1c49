package dev.tablecloud.module.awssecuritygroup;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.CloudRefusedException;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.awsvpc.AwsVpcModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityGroupAdaptersIT {

    private static final String REGION = "us-east-1";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = moto.session(REGION);
    }

    private static ResourceTable table(String name) {
        return AwsSecurityGroupModule.definition().table(name);
    }

    private static CloudResource vpc(String rowId, String cidr) {
        ResourceTable vpcs = AwsVpcModule.definition().table("vpc");
        return vpcs.writes().writer().create(aws, AdapterContract.row("vpc", rowId, REGION,
                Map.of("cidr_block", cidr), Map.of()));
    }

    private static CloudResource group(String rowId, String vpcId, String name) {
        return table("security_group").writes().writer().create(aws, AdapterContract.row("security_group", rowId,
                REGION, Map.of("group_name", name, "description", name + " servers"), Map.of("vpc_id", vpcId)));
    }

    private static DesiredResource rule(String rowId, String groupId, boolean egress, String protocol, Integer from,
                                        Integer to, String cidrIpv4, String description) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_egress", egress);
        values.put("ip_protocol", protocol);
        values.put("from_port", from);
        values.put("to_port", to);
        values.put("cidr_ipv4", cidrIpv4);
        values.put("cidr_ipv6", null);
        values.put("description", description);
        return AdapterContract.row("security_group_rule", rowId, REGION, values,
                Map.of("security_group_id", groupId));
    }

    @Test
    void groupIsCreatedInItsVpcReplacedOnAnyChangeAndDeleted() {
        CloudResource vpc = vpc("1", "10.30.0.0/16");
        AdapterContract contract = new AdapterContract(aws, table("security_group"));
        DesiredResource row = AdapterContract.row("security_group", "1", REGION,
                Map.of("group_name", "web", "description", "web servers"), Map.of("vpc_id", vpc.cloudId()));

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.parents().get("vpc_id").cloudId()).isEqualTo(vpc.cloudId());
        assertThat(created.values().get("owner_id")).isNotNull();

        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("description", "web")), created);
        contract.needsReplaceFor(AdapterContract.changed(row, created, Map.of("group_name", "www")), created);
        contract.deletesForGood(created);
    }

    @Test
    void aNewGroupLosesTheEgressRuleAwsGivesEveryGroupAsIaSqlDoes() {
        CloudResource vpc = vpc("2", "10.31.0.0/16");
        String madeByHand = aws.client(Ec2Client.class, REGION).createSecurityGroup(r -> r.groupName("by-hand").description("imported")
                .vpcId(vpc.cloudId())).groupId();
        CloudResource group = group("2", vpc.cloudId(), "app");

        assertThat(rulesOf(group.cloudId())).as("a group made through Tablecloud").isEmpty();
        assertThat(rulesOf(madeByHand)).as("a group made elsewhere keeps what AWS gave it").singleElement()
                .satisfies(rule -> assertThat(rule.values()).containsEntry("is_egress", true)
                        .containsEntry("ip_protocol", "-1").containsEntry("cidr_ipv4", "0.0.0.0/0"));
    }

    @Test
    void aRowAskingForAllEgressGetsItBackOnANewGroup() {
        CloudResource group = group("13", vpc("13", "10.39.0.0/16").cloudId(), "open");
        DesiredResource row = rule("6", group.cloudId(), true, "-1", null, null, "0.0.0.0/0", null);

        CloudResource created = table("security_group_rule").writes().writer().create(aws, row);

        assertThat(rulesOf(group.cloudId())).singleElement().extracting(CloudResource::cloudId)
                .isEqualTo(created.cloudId());
        assertThat(table("security_group_rule").differingColumns(row, created)).isEmpty();
    }

    private static java.util.List<CloudResource> rulesOf(String groupId) {
        return table("security_group_rule").reader().readAll(aws, REGION).stream()
                .filter(rule -> rule.parents().get("security_group_id").cloudId().equals(groupId)).toList();
    }

    @Test
    void aGroupWithoutVpcLandsInTheDefaultVpc() {
        String defaultVpc = aws.client(Ec2Client.class, REGION).describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs().get(0).vpcId();
        AdapterContract contract = new AdapterContract(aws, table("security_group"));
        DesiredResource row = AdapterContract.row("security_group", "3", REGION,
                Map.of("group_name", "no-vpc", "description", "left to the cloud"), Map.of());

        CloudResource created = contract.createsWhatReadReturns(row);

        assertThat(created.parents().get("vpc_id").cloudId()).isEqualTo(defaultVpc);
        contract.deletesForGood(created);
    }

    @Test
    void theDefaultGroupOfAVpcIsNotDeletedOnItsOwn() {
        CloudResource vpc = vpc("4", "10.32.0.0/16");
        AdapterContract contract = new AdapterContract(aws, table("security_group"));
        CloudResource defaultGroup = table("security_group").reader().readAll(aws, REGION).stream()
                .filter(group -> group.parents().get("vpc_id").cloudId().equals(vpc.cloudId()))
                .filter(group -> group.values().get("group_name").equals("default"))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> table("security_group").writes().writer().delete(aws, defaultGroup))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("security_group default (" + defaultGroup.cloudId() + ") is the default group of "
                        + vpc.cloudId() + " and cannot be deleted: AWS deletes a VPC's default group only with the VPC.");
        assertThat(contract.readBack(REGION, defaultGroup.cloudId())).isNotNull();
    }

    @Test
    void aGroupNameTakenInTheVpcIsRefusedWithTheCloudsMessage() {
        CloudResource vpc = vpc("5", "10.33.0.0/16");
        group("5", vpc.cloudId(), "db");

        assertThatThrownBy(() -> group("6", vpc.cloudId(), "db"))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("CreateSecurityGroup was refused by " + moto.endpoint())
                .hasMessageContaining("'db' already exists");
    }

    @Test
    void ruleIsCreatedUpdatedInPlaceReplacedOnItsDirectionAndDeleted() {
        CloudResource group = group("7", vpc("7", "10.34.0.0/16").cloudId(), "ssh");
        AdapterContract contract = new AdapterContract(aws, table("security_group_rule"));
        DesiredResource row = rule("1", group.cloudId(), false, "tcp", 22, 22, "10.0.0.0/8", "ssh");

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.values()).containsEntry("from_port", 22).containsEntry("is_egress", false);

        DesiredResource moved = AdapterContract.changed(row, created, Map.of("from_port", 2222, "to_port", 2223,
                "cidr_ipv4", "10.1.0.0/16", "description", "ssh, elsewhere"));
        CloudResource updated = contract.updatesInPlace(moved, created, "from_port", "to_port", "cidr_ipv4",
                "description");
        assertThat(updated.cloudId()).isEqualTo(created.cloudId());
        assertThat(updated.values()).containsEntry("to_port", 2223).containsEntry("cidr_ipv4", "10.1.0.0/16");

        contract.needsReplaceFor(AdapterContract.changed(moved, updated, Map.of("is_egress", true)), updated);
        contract.deletesForGood(updated);
    }

    @Test
    void ruleReferencingASourceGroupIsCreatedAndDeleted() {
        String vpcId = vpc("8", "10.35.0.0/16").cloudId();
        CloudResource database = group("8", vpcId, "database");
        CloudResource app = group("9", vpcId, "application");
        AdapterContract contract = new AdapterContract(aws, table("security_group_rule"));
        // No description: moto reports one only for rules with a block, never for a rule naming a group.
        DesiredResource row = rule("2", database.cloudId(), false, "tcp", 5432, 5432, null, null);
        row = new DesiredResource(row.table(), row.rowId(), null, REGION, row.values(),
                Map.of("security_group_id", database.cloudId(), "source_security_group", app.cloudId()),
                row.identity());

        CloudResource created = contract.createsWhatReadReturns(row);
        assertThat(created.parents().get("source_security_group").cloudId()).isEqualTo(app.cloudId());
        assertThat(created.values().get("cidr_ipv4")).isNull();

        DesiredResource fromABlock = AdapterContract.changed(row, created, Map.of("cidr_ipv4", "10.0.0.0/8"));
        fromABlock = new DesiredResource(fromABlock.table(), fromABlock.rowId(), fromABlock.cloudId(), REGION,
                fromABlock.values(), Map.of("security_group_id", database.cloudId()), fromABlock.identity());
        contract.needsReplaceFor(fromABlock, created);
        contract.deletesForGood(created);
    }

    @Test
    void aRowForTheDefaultEgressRuleOfAnImportedGroupTakesThatRuleOver() {
        String vpcId = vpc("10", "10.36.0.0/16").cloudId();
        CloudResource group = new CloudResource(aws.client(Ec2Client.class, REGION).createSecurityGroup(r -> r.groupName("egress")
                .description("imported").vpcId(vpcId)).groupId(), REGION, Map.of(), Map.of());
        ResourceTable rules = table("security_group_rule");
        String awsRule = rules.reader().readAll(aws, REGION).stream()
                .filter(rule -> rule.parents().get("security_group_id").cloudId().equals(group.cloudId()))
                .findFirst().orElseThrow().cloudId();
        DesiredResource row = rule("3", group.cloudId(), true, "-1", null, null, "0.0.0.0/0", null);

        CloudResource created = rules.writes().writer().create(aws, row);

        assertThat(created.cloudId()).isEqualTo(awsRule);
        assertThat(rules.differingColumns(row, created)).isEmpty();
        assertThat(rules.writes().writer().create(aws, row).cloudId()).as("a repeated create").isEqualTo(awsRule);
    }

    @Test
    void aRuleTheCloudRefusesIsReportedWithTheCloudsMessage() {
        CloudResource group = group("11", vpc("11", "10.37.0.0/16").cloudId(), "refused");
        DesiredResource ipv6InTheIpv4Column = rule("4", group.cloudId(), false, "tcp", 443, 443, "2001:db8::/32",
                null);

        assertThatThrownBy(() -> table("security_group_rule").writes().writer().create(aws, ipv6InTheIpv4Column))
                .isInstanceOf(CloudRefusedException.class)
                .hasMessageContaining("AuthorizeSecurityGroupIngress was refused by " + moto.endpoint())
                .hasMessageContaining("invalid CIDR")
                .hasMessageContaining("2001:db8::/32");
    }

    @Test
    void aRuleWithoutSourceIsRefusedBeforeAnyCall() {
        CloudResource group = group("12", vpc("12", "10.38.0.0/16").cloudId(), "nowhere");
        DesiredResource row = rule("5", group.cloudId(), false, "tcp", 80, 80, null, null);
        long calls = aws.calls();

        assertThatThrownBy(() -> table("security_group_rule").writes().writer().create(aws, row))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The security_group_rule row 5 must have exactly one of cidr_ipv4, cidr_ipv6,"
                        + " source_security_group and prefix_list_id, not 0.");
        assertThat(aws.calls()).isEqualTo(calls);
    }
}
