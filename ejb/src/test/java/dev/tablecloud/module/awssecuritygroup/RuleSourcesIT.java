package dev.tablecloud.module.awssecuritygroup;

import software.amazon.awssdk.services.ec2.Ec2Client;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.failure.InvalidInputException;
import dev.tablecloud.module.AdapterContract;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.DesiredResource;
import dev.tablecloud.module.MotoAccount;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.SentRequests;
import dev.tablecloud.module.awsvpc.AwsVpcModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule sources as IaSQL has them. A rule given only its source group — no protocol, no ports, no
 * block: IaSQL asked AWS for what AWS grants such a rule, all TCP, all UDP and all ICMP from that
 * group, and so does the adapter, in one call; the row becomes the TCP rule. A rule whose source is
 * a managed prefix list (prefix_list_id).
 */
class RuleSourcesIT {

    private static final String REGION = "us-east-1";
    @RegisterExtension
    static final MotoAccount moto = MotoAccount.plain();
    private static AwsSession aws;

    @BeforeAll
    static void startCloud() {
        aws = moto.session(REGION);
    }

    private static ResourceTable rules() {
        return AwsSecurityGroupModule.definition().table("security_group_rule");
    }

    private static String vpc(String rowId, String cidr) {
        return AwsVpcModule.definition().table("vpc").writes().writer().create(aws, AdapterContract.row("vpc", rowId,
                REGION, Map.of("cidr_block", cidr), Map.of())).cloudId();
    }

    private static String group(String vpcId, String name) {
        return aws.client(Ec2Client.class, REGION).createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name)).groupId();
    }

    /** A rule row as IaSQL's scripts insert it: the group, the direction and the source group only. */
    private static DesiredResource fromGroup(String rowId, String groupId, boolean egress, String sourceGroupId) {
        Map<String, Object> values = new HashMap<>();
        values.put("is_egress", egress);
        values.put("ip_protocol", null);
        values.put("from_port", null);
        values.put("to_port", null);
        values.put("cidr_ipv4", null);
        values.put("cidr_ipv6", null);
        // No description: moto drops those of rules from a group (AWS keeps them).
        values.put("description", null);
        return AdapterContract.row("security_group_rule", rowId, REGION, values,
                Map.of("security_group_id", groupId, "source_security_group", sourceGroupId));
    }

    private static List<String> rulesFrom(String groupId, String sourceGroupId, boolean egress) {
        return aws.client(Ec2Client.class, REGION).describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
                .securityGroupRules().stream()
                .filter(rule -> rule.isEgress() == egress && rule.referencedGroupInfo() != null
                        && sourceGroupId.equals(rule.referencedGroupInfo().groupId()))
                .map(RuleSourcesIT::shape).sorted().toList();
    }

    private static String shape(SecurityGroupRule rule) {
        return rule.ipProtocol() + " " + rule.fromPort() + ".." + rule.toPort();
    }

    private static String shape(IpPermission permission) {
        return permission.ipProtocol() + " " + permission.fromPort() + ".." + permission.toPort() + " "
                + permission.userIdGroupPairs().get(0).groupId();
    }

    @Test
    void anIngressRuleFromAGroupAloneGrantsAllTcpUdpAndIcmpFromItAndIsTheTcpRule() {
        String vpcId = vpc("1", "10.50.0.0/16");
        String db = group(vpcId, "db");
        String web = group(vpcId, "web");
        DesiredResource row = fromGroup("1", db, false, web);
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = new AdapterContract(recorded, rules()).createsWhatReadReturns(row);
        }

        assertThat(sent.of(AuthorizeSecurityGroupIngressRequest.class)).as("one call, as IaSQL made").singleElement()
                .satisfies(call -> assertThat(call.ipPermissions()).extracting(RuleSourcesIT::shape)
                        .containsExactly("tcp 0..65535 " + web, "udp 0..65535 " + web, "icmp -1..-1 " + web));
        assertThat(created.values()).as("the protocol and ports the cloud filled, written back")
                .containsEntry("ip_protocol", "tcp").containsEntry("from_port", 0).containsEntry("to_port", 65535);
        assertThat(created.parents().get("source_security_group").cloudId()).isEqualTo(web);
        assertThat(rulesFrom(db, web, false)).containsExactly("icmp -1..-1", "tcp 0..65535", "udp 0..65535");

        CloudResource again = rules().writes().writer().create(aws, row);
        assertThat(again.cloudId()).as("a repeated create finds the rules made").isEqualTo(created.cloudId());
        assertThat(rulesFrom(db, web, false)).hasSize(3);
    }

    @Test
    void anEgressRuleToAGroupAloneIsMadeTheSameWay() {
        String vpcId = vpc("2", "10.51.0.0/16");
        String app = group(vpcId, "app");
        String cache = group(vpcId, "cache");
        SentRequests sent = new SentRequests();
        CloudResource created;
        try (AwsSession recorded = moto.session(REGION, sent)) {
            created = rules().writes().writer().create(recorded, fromGroup("2", app, true, cache));
        }

        assertThat(sent.of(AuthorizeSecurityGroupEgressRequest.class)).singleElement()
                .satisfies(call -> assertThat(call.ipPermissions()).hasSize(3));
        assertThat(created.values()).containsEntry("is_egress", true).containsEntry("ip_protocol", "tcp");
        assertThat(rulesFrom(app, cache, true)).extracting(shape -> shape.split(" ")[0])
                .containsExactly("icmp", "tcp", "udp");
    }

    @Test
    void aRuleFromAManagedPrefixListIsMadeAndReadWithIt() {
        String vpcId = vpc("4", "10.53.0.0/16");
        String web = group(vpcId, "web");
        String office = aws.client(Ec2Client.class, REGION).createManagedPrefixList(r -> r.prefixListName("office").maxEntries(5)
                .addressFamily("IPv4").entries(e -> e.cidr("192.0.2.0/24"))).prefixList().prefixListId();
        Map<String, Object> values = new HashMap<>();
        values.put("is_egress", false);
        values.put("ip_protocol", "tcp");
        values.put("from_port", 443);
        values.put("to_port", 443);
        values.put("prefix_list_id", office);
        DesiredResource row = AdapterContract.row("security_group_rule", "4", REGION, values,
                Map.of("security_group_id", web));

        CloudResource created = new AdapterContract(aws, rules()).createsWhatReadReturns(row);

        assertThat(created.values()).containsEntry("prefix_list_id", office).containsEntry("cidr_ipv4", null);
        new AdapterContract(aws, rules()).needsReplaceFor(AdapterContract.changed(row, created,
                Map.of("prefix_list_id", "pl-0123456789abcdef0")), created);
        values.put("cidr_ipv4", "10.0.0.0/8");
        assertThatThrownBy(() -> rules().writes().writer().create(aws, AdapterContract.row("security_group_rule",
                "5", REGION, values, Map.of("security_group_id", web))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one of cidr_ipv4, cidr_ipv6, source_security_group and prefix_list_id");
        new AdapterContract(aws, rules()).deletesForGood(created);
    }

    @Test
    void aRuleWithoutProtocolIsRefusedUnlessItNamesOnlyASourceGroup() {
        String vpcId = vpc("3", "10.52.0.0/16");
        String db = group(vpcId, "db");
        Map<String, Object> values = new HashMap<>();
        values.put("is_egress", false);
        values.put("ip_protocol", null);
        values.put("from_port", 22);
        values.put("to_port", 22);
        values.put("cidr_ipv4", "10.0.0.0/8");
        DesiredResource fromBlock = AdapterContract.row("security_group_rule", "3", REGION, values,
                Map.of("security_group_id", db));

        assertThatThrownBy(() -> rules().writes().writer().create(aws, fromBlock))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("security_group_rule row 3")
                .hasMessageContaining("has no ip_protocol");
        assertThat(aws.client(Ec2Client.class, REGION).describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(db)))
                .securityGroupRules()).noneMatch(rule -> !rule.isEgress());
    }
}
