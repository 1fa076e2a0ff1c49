package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Map;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes made in the cloud by hand arrive in the tables with the next sync: created, changed,
 * deleted. Each test uses an account (moto server) of its own, so it sees only its own changes.
 */
class SyncIT extends DeployedTablecloud {

    private Api api;
    private String environment;
    private MotoServer moto;
    private Ec2Client ec2;
    private String endpoint;

    @BeforeEach
    void createEnvironmentOnAnAccountOfItsOwn() throws Exception {
        int port = FreePort.find();
        moto = MotoServer.start(port, Map.of());
        String endpoint = "http://127.0.0.1:" + port;
        ec2 = Moto.ec2(endpoint, "us-east-1");
        api = new Api(deployment);
        environment = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(endpoint))).status()).isEqualTo(201);
        for (String module : new String[] {"aws_ec2", "aws_s3", "aws_route53"}) {
            assertThat(api.post("environments/" + environment + "/modules/" + module, "").status()).isEqualTo(200);
        }
        this.endpoint = endpoint;
    }

    @AfterEach
    void stopAccount() {
        if (ec2 != null) {
            ec2.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private JsonObject sync() {
        var reply = api.post("environments/" + environment + "/sync", "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.object();
    }

    private JsonArray rows(String query) {
        var result = api.sql(environment, query);
        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        return result.getJsonArray("statements").getJsonObject(0).getJsonArray("rows");
    }

    @Test
    void vpcsAndSubnetsMadeChangedAndDeletedByHandArriveWithTheNextSync() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        ec2.createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value("app").build()));
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.20.1.0/24")
                .availabilityZone("us-east-1b")).subnet().subnetId();

        var report = sync();
        assertThat(report.getJsonObject("changesByTable").getJsonObject("vpc").getInt("inserted")).isEqualTo(1);
        var vpc = rows("select cidr_block, state, is_default, tags->>'Name', region from vpc where vpc_id = '"
                + vpcId + "'").getJsonArray(0);
        assertThat(vpc.getString(0)).isEqualTo("10.20.0.0/16");
        assertThat(vpc.getString(1)).isEqualTo("available");
        assertThat(vpc.getBoolean(2)).isFalse();
        assertThat(vpc.getString(3)).isEqualTo("app");
        assertThat(vpc.getString(4)).isEqualTo("us-east-1");
        var subnet = rows("select s.cidr_block, s.availability_zone, v.vpc_id from subnet s join vpc v on v.id = s.vpc_id"
                + " where s.subnet_id = '" + subnetId + "'").getJsonArray(0);
        assertThat(subnet.getString(0)).isEqualTo("10.20.1.0/24");
        assertThat(subnet.getString(1)).isEqualTo("us-east-1b");
        assertThat(subnet.getString(2)).as("foreign key to its VPC's row").isEqualTo(vpcId);

        ec2.createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value("app-renamed").build()));
        var changed = sync();
        assertThat(changed.getJsonObject("changesByTable").getJsonObject("vpc").getInt("updated")).isEqualTo(1);
        assertThat(rows("select tags->>'Name' from vpc where vpc_id = '" + vpcId + "'").getJsonArray(0).getString(0))
                .isEqualTo("app-renamed");

        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        var deleted = sync().getJsonObject("changesByTable");
        assertThat(deleted.getJsonObject("vpc").getInt("deleted")).isEqualTo(1);
        assertThat(deleted.getJsonObject("subnet").getInt("deleted")).isEqualTo(1);
        assertThat(rows("select count(*) from vpc where vpc_id = '" + vpcId + "'").getJsonArray(0).getInt(0)).isZero();
        assertThat(rows("select count(*) from subnet where subnet_id = '" + subnetId + "'").getJsonArray(0).getInt(0))
                .isZero();
    }

    @Test
    void gatewaysRouteTablesRoutesAndAssociationsFollowTheCloud() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.70.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.70.1.0/24")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        String gatewayId = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId));
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(gatewayId));
        String associationId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId))
                .associationId();

        sync();
        assertThat(rows("select v.vpc_id from internet_gateway g join vpc v on v.id = g.vpc_id"
                + " where g.internet_gateway_id = '" + gatewayId + "'").getJsonArray(0).getString(0)).isEqualTo(vpcId);
        assertThat(rows("select r.destination, r.gateway_id from route r join route_table t on t.id = r.route_table_id"
                + " where t.route_table_id = '" + tableId + "' order by r.destination").stream()
                .map(r -> r.asJsonArray().getString(0) + "->" + r.asJsonArray().getString(1)))
                .containsExactly("0.0.0.0/0->" + gatewayId, "10.70.0.0/16->local");
        assertThat(rows("select s.subnet_id, a.is_main from route_table_association a join subnet s on s.id = a.subnet_id"
                + " where a.route_table_association_id = '" + associationId + "'").getJsonArray(0).getString(0))
                .isEqualTo(subnetId);

        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        ec2.disassociateRouteTable(r -> r.associationId(associationId));
        var changes = sync().getJsonObject("changesByTable");
        assertThat(changes.getJsonObject("route").getInt("deleted")).isEqualTo(1);
        assertThat(changes.getJsonObject("route_table_association").getInt("deleted")).isEqualTo(1);
    }

    @Test
    void securityGroupsAndRulesFollowTheCloud() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web servers"))
                .groupId();
        IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(ssh));

        sync();
        var group = rows("select g.group_name, g.description, v.vpc_id from security_group g join vpc v on v.id = g.vpc_id"
                + " where g.group_id = '" + groupId + "'").getJsonArray(0);
        assertThat(group.getString(0)).isEqualTo("web");
        assertThat(group.getString(1)).isEqualTo("web servers");
        assertThat(group.getString(2)).isEqualTo(vpcId);
        var rule = rows("select r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4 from security_group_rule r"
                + " join security_group g on g.id = r.security_group_id"
                + " where g.group_id = '" + groupId + "' and not r.is_egress").getJsonArray(0);
        assertThat(rule.getString(0)).isEqualTo("tcp");
        assertThat(rule.getInt(1)).isEqualTo(22);
        assertThat(rule.getInt(2)).isEqualTo(22);
        assertThat(rule.getString(3)).isEqualTo("10.0.0.0/8");

        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(ssh));
        sync();
        assertThat(rows("select count(*) from security_group_rule r join security_group g on g.id = r.security_group_id"
                + " where g.group_id = '" + groupId + "' and not r.is_egress").getJsonArray(0).getInt(0)).isZero();

        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        sync();
        assertThat(rows("select count(*) from security_group where group_id = '" + groupId + "'").getJsonArray(0)
                .getInt(0)).isZero();
    }

    @Test
    void instancesKeyPairsAndTheirGroupsFollowTheCloud() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.60.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.60.1.0/24")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("app").description("app")).groupId();
        ec2.createKeyPair(r -> r.keyName("deploy"));
        String instanceId = ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").instanceType("t3.micro")
                .minCount(1).maxCount(1).subnetId(subnetId).securityGroupIds(groupId).keyName("deploy")
                .tagSpecifications(t -> t.resourceType("instance").tags(Tag.builder().key("Name").value("web-1").build())))
                .instances().get(0).instanceId();

        sync();
        var instance = rows("select i.ami, i.instance_type, i.key_pair_name, i.state, i.tags->>'Name', s.subnet_id"
                + " from instance i join subnet s on s.id = i.subnet_id where i.instance_id = '" + instanceId + "'")
                .getJsonArray(0);
        assertThat(instance.getString(0)).isEqualTo("ami-0abcdef1234567890");
        assertThat(instance.getString(1)).isEqualTo("t3.micro");
        assertThat(instance.getString(2)).isEqualTo("deploy");
        assertThat(instance.getString(3)).isIn("pending", "running");
        assertThat(instance.getString(4)).isEqualTo("web-1");
        assertThat(instance.getString(5)).isEqualTo(subnetId);
        assertThat(rows("select g.group_id from instance_security_groups l join instance i on i.id = l.instance_id"
                + " join security_group g on g.id = l.security_group_id where i.instance_id = '" + instanceId + "'")
                .getJsonArray(0).getString(0)).isEqualTo(groupId);
        assertThat(rows("select fingerprint is not null from key_pair where name = 'deploy'").getJsonArray(0)
                .getBoolean(0)).isTrue();

        ec2.stopInstances(r -> r.instanceIds(instanceId));
        sync();
        assertThat(rows("select state from instance where instance_id = '" + instanceId + "'").getJsonArray(0)
                .getString(0)).isIn("stopping", "stopped");

        ec2.terminateInstances(r -> r.instanceIds(instanceId));
        ec2.deleteKeyPair(r -> r.keyName("deploy"));
        sync();
        assertThat(rows("select count(*) from instance where instance_id = '" + instanceId + "'").getJsonArray(0)
                .getInt(0)).isZero();
        assertThat(rows("select count(*) from instance_security_groups").getJsonArray(0).getInt(0)).isZero();
        assertThat(rows("select count(*) from key_pair where name = 'deploy'").getJsonArray(0).getInt(0)).isZero();
    }

    @Test
    void bucketsFollowTheCloudWithTheirRegions() {
        try (var s3 = Moto.s3(endpoint)) {
            s3.createBucket(r -> r.bucket("tablecloud-logs"));
            s3.createBucket(r -> r.bucket("tablecloud-eu").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

            sync();
            var buckets = rows("select name, region, created_at is not null from bucket order by name");
            assertThat(buckets.stream().map(r -> r.asJsonArray().getString(0) + "@" + r.asJsonArray().getString(1)))
                    .containsExactly("tablecloud-eu@eu-west-1", "tablecloud-logs@us-east-1");
            assertThat(buckets.getJsonArray(0).getBoolean(2)).isTrue();

            s3.deleteBucket(r -> r.bucket("tablecloud-logs"));
            sync();
            assertThat(rows("select name from bucket").stream().map(r -> r.asJsonArray().getString(0)))
                    .containsExactly("tablecloud-eu");
        }
    }

    @Test
    void hostedZonesAndRecordSetsFollowTheCloud() {
        try (var route53 = Moto.route53(endpoint)) {
            String zoneId = route53.createHostedZone(r -> r.name("example.com").callerReference("it-zone"))
                    .hostedZone().id().replace("/hostedzone/", "");
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                    .action("CREATE").resourceRecordSet(set -> set.name("www.example.com").type("A").ttl(300L)
                            .resourceRecords(v -> v.value("10.0.0.1"), v -> v.value("10.0.0.2"))))));

            sync();
            assertThat(rows("select domain_name from hosted_zone where hosted_zone_id = '" + zoneId + "'")
                    .getJsonArray(0).getString(0)).startsWith("example.com");
            var record = rows("select r.record, r.ttl from resource_record_set r join hosted_zone z"
                    + " on z.id = r.parent_hosted_zone_id where z.hosted_zone_id = '" + zoneId + "'"
                    + " and r.record_type = 'A'").getJsonArray(0);
            assertThat(record.getString(0)).isEqualTo("10.0.0.1\n10.0.0.2");
            assertThat(record.getInt(1)).isEqualTo(300);

            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(
                    c -> c.action("DELETE").resourceRecordSet(set -> set.name("www.example.com").type("A").ttl(300L)
                            .resourceRecords(v -> v.value("10.0.0.1"), v -> v.value("10.0.0.2"))),
                    c -> c.action("CREATE").resourceRecordSet(set -> set.name("www.example.com").type("A")
                            .ttl(60L).resourceRecords(v -> v.value("10.0.0.3"))))));
            sync();
            var changed = rows("select r.record, r.ttl from resource_record_set r join hosted_zone z"
                    + " on z.id = r.parent_hosted_zone_id where z.hosted_zone_id = '" + zoneId + "'"
                    + " and r.record_type = 'A'").getJsonArray(0);
            assertThat(changed.getString(0)).isEqualTo("10.0.0.3");
            assertThat(changed.getInt(1)).isEqualTo(60);
        }
    }

    @Test
    void aSyncOfAnUnchangedAccountWritesNothing() {
        sync();
        long auditBefore = rows("select count(*) from iasql_audit_log").getJsonArray(0).getJsonNumber(0).longValue();

        var again = sync();

        assertThat(again.getInt("inserted") + again.getInt("updated") + again.getInt("deleted")).isZero();
        assertThat(rows("select count(*) from iasql_audit_log").getJsonArray(0).getJsonNumber(0).longValue())
                .isEqualTo(auditBefore);
    }

    @Test
    void whatASyncChangesIsAuditedAsTheEnginesSync() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();

        sync();

        var entry = rows("select origin, actor, change_type, new->>'vpc_id' from iasql_audit_log"
                + " where table_name = 'vpc' and new->>'vpc_id' = '" + vpcId + "'").getJsonArray(0);
        assertThat(entry.getString(0)).isEqualTo("engine");
        assertThat(entry.getString(1)).isEqualTo("engine");
        assertThat(entry.getString(2)).isEqualTo("SYNC");
    }

    @Test
    void concurrentSyncsAndInstallsWaitForEachOtherInsteadOfFailing() throws Exception {
        for (int i = 0; i < 5; i++) {
            int n = i;
            ec2.createVpc(r -> r.cidrBlock("10.8" + n + ".0.0/16"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var syncs = List.of(
                    pool.submit(() -> api.post("environments/" + environment + "/sync", "")),
                    pool.submit(() -> api.post("environments/" + environment + "/sync", "")),
                    pool.submit(() -> api.post("environments/" + environment + "/modules/aws_ec2", "")),
                    pool.submit(() -> api.post("environments/" + environment + "/sync", "")));
            for (var reply : syncs) {
                assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows("select count(*) - count(distinct vpc_id) from vpc").getJsonArray(0).getInt(0))
                .as("no VPC twice").isZero();
    }

    @Test
    void aCloudThatStopsAnsweringLeavesTheTablesAsTheyWere() throws Exception {
        sync();
        JsonArray before = rows("select vpc_id, cidr_block from vpc order by vpc_id");
        ec2.createVpc(r -> r.cidrBlock("10.50.0.0/16"));
        moto.close();

        var reply = api.post("environments/" + environment + "/sync", "");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.object().getString("detail")).contains("is unreachable");
        assertThat(rows("select vpc_id, cidr_block from vpc order by vpc_id")).isEqualTo(before);
    }

    @Test
    void anInstallAgainstAnUnreachableCloudInstallsNothing() throws Exception {
        String dead = "dead-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(dead),
                Api.quote("http://127.0.0.1:" + FreePort.find()))).status()).isEqualTo(201);

        var reply = api.post("environments/" + dead + "/modules/aws_vpc", "");

        assertThat(reply.status()).isEqualTo(502);
        var modules = api.get("environments/" + dead + "/modules").json().asJsonArray();
        assertThat(modules.stream().filter(m -> m.asJsonObject().getBoolean("installed"))
                .map(m -> m.asJsonObject().getString("moduleName"))).containsExactly("aws_account");
    }
}
