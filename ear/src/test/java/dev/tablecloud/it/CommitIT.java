package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.ok;
import static dev.tablecloud.it.SqlAnswers.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's staging flow through the SQL functions, against a moto account of the test's own
 * that refuses what AWS refuses: create a whole stack in one commit, change it, delete it; a
 * refused commit undoes itself and keeps the rows; two commits at once, one wins.
 */
class CommitIT extends DeployedTablecloud {

    private static MotoServer moto;
    private static String motoUrl;
    private Api api;
    private String environment;
    private String suffix;

    @BeforeAll
    static void startAccount() throws Exception {
        int port = FreePort.find();
        moto = MotoServer.start(port, Map.of("MOTO_ENABLE_AMI_VALIDATION", "true",
                "MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true", "MOTO_ENABLE_KEYPAIR_VALIDATION", "true"));
        motoUrl = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopAccount() {
        moto.close();
    }

    @BeforeEach
    void createEnvironment() {
        api = new Api(deployment);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        environment = "commit-" + suffix;
        assertThat(api.post("environments", "{\"name\": %s, \"awsEndpoint\": %s}".formatted(Api.quote(environment),
                Api.quote(motoUrl))).status()).isEqualTo(201);
        JsonObject installed = api.sql(environment, "select * from iasql_install('aws_ec2', 'aws_s3', 'aws_route53')");
        assertThat(installed.getBoolean("ok")).as(installed.toString()).isTrue();
    }

    private JsonObject sql(String script) {
        return api.sql(environment, script);
    }

    @Test
    void createsChangesAndDeletesAWholeStackInDependencyOrder() {
        String name = "app-" + suffix;
        assertThat(sql("select iasql_begin()").getBoolean("ok")).isTrue();
        assertThat(sql(SeedStack.sql("10.80", name, "")).getBoolean("ok")).isTrue();

        JsonArray preview = rows(sql("select action, table_name, description from iasql_preview()"), 0);
        List<String> tables = column(preview, 1);
        assertThat(column(preview, 0)).containsOnly("create");
        assertThat(tables).containsExactlyInAnyOrder("vpc", "subnet", "subnet", "security_group", "security_group_rule",
                "key_pair", "instance", "instance_security_groups", "bucket", "hosted_zone", "resource_record_set");
        assertThat(tables.indexOf("vpc")).isLessThan(tables.indexOf("subnet"));
        assertThat(tables.lastIndexOf("subnet")).isLessThan(tables.indexOf("instance"));
        assertThat(tables.indexOf("key_pair")).isLessThan(tables.indexOf("instance"));
        assertThat(tables.indexOf("security_group")).isLessThan(tables.indexOf("security_group_rule"));
        assertThat(tables.indexOf("instance")).isLessThan(tables.indexOf("instance_security_groups"));
        assertThat(tables.indexOf("hosted_zone")).isLessThan(tables.indexOf("resource_record_set"));

        JsonArray committed = rows(sql("select status from iasql_commit()"), 0);
        assertThat(column(committed, 0)).containsOnly("DONE").hasSize(11);
        assertThat(column(rows(sql("""
                select r.is_egress from security_group_rule r join security_group g on g.id = r.security_group_id
                    where g.group_name = '%1$s-web'""".formatted(name)), 0), 0))
                .as("exactly the rules of the rows: AWS's automatic egress rule was revoked").containsExactly("false");

        JsonObject ids = sql("""
                select vpc_id from vpc where tags->>'Name' = '%1$s';
                select instance_id, s.subnet_id, instance_type, i.state from instance i join subnet s on s.id = i.subnet_id
                    where i.tags->>'Name' = '%1$s-web-1';
                select g.group_name from instance_security_groups l join instance i on i.id = l.instance_id
                    join security_group g on g.id = l.security_group_id where i.tags->>'Name' = '%1$s-web-1'
                    order by 1""".formatted(name));
        String vpcId = rows(ids, 0).getJsonArray(0).getString(0);
        JsonArray instanceRow = rows(ids, 1).getJsonArray(0);
        assertThat(vpcId).startsWith("vpc-");
        assertThat(column(rows(ids, 2), 0)).contains(name + "-web");
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            Instance instance = liveInstance(ec2, name + "-web-1");
            assertThat(instance.instanceId()).isEqualTo(instanceRow.getString(0));
            assertThat(instance.subnetId()).isEqualTo(instanceRow.getString(1));
            assertThat(instance.keyName()).isEqualTo(name + "-deploy");
            assertThat(instance.securityGroups()).extracting(g -> g.groupName()).contains(name + "-web");
            assertThat(ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                    .subnets()).hasSize(2);
        }
        try (var s3 = Moto.s3(motoUrl)) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(name + "-assets");
        }
        assertThat(api.get("environments/" + environment + "/transactions/current").status()).isEqualTo(404);

        // Change: the instance's type, the rule's port, the record's value.
        sql("select iasql_begin()");
        assertThat(sql("""
                update instance set instance_type = 't3.small' where tags->>'Name' = '%1$s-web-1';
                update security_group_rule set from_port = 8443, to_port = 8443
                    where security_group_id = (select id from security_group where group_name = '%1$s-web') and not is_egress;
                update resource_record_set set record = '10.80.1.20' where name like 'www.%1$s.example.com%%'"""
                .formatted(name)).getBoolean("ok")).isTrue();
        JsonArray changes = rows(sql("select action, table_name, changes from iasql_preview() order by table_name"), 0);
        assertThat(column(changes, 0)).containsOnly("update");
        assertThat(column(changes, 1)).containsExactly("instance", "resource_record_set", "security_group_rule");
        assertThat(column(changes, 2).get(0)).contains("instance_type: t3.micro → t3.small");
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(liveInstance(ec2, name + "-web-1").instanceTypeAsString()).isEqualTo("t3.small");
        }

        // Delete everything the stack made.
        sql("select iasql_begin()");
        assertThat(sql("""
                delete from resource_record_set where parent_hosted_zone_id in
                    (select id from hosted_zone where domain_name like '%1$s.example.com%%');
                delete from hosted_zone where domain_name like '%1$s.example.com%%';
                delete from bucket where name = '%1$s-assets';
                delete from instance where tags->>'Name' = '%1$s-web-1';
                delete from key_pair where name = '%1$s-deploy';
                delete from security_group_rule where security_group_id in
                    (select g.id from security_group g join vpc v on v.id = g.vpc_id where v.tags->>'Name' = '%1$s');
                delete from security_group where vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from route_table where vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from subnet where vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from vpc where tags->>'Name' = '%1$s'""".formatted(name)).getBoolean("ok")).isTrue();
        JsonObject deleted = sql("select status from iasql_commit()");
        assertThat(column(rows(deleted, 0), 0)).containsOnly("DONE");
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs()).isEmpty();
        } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception gone) {
            assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
        }
        try (var s3 = Moto.s3(motoUrl)) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain(name + "-assets");
        }
    }

    /** IaSQL's cascades: a VPC's route tables, routes and associations go with its row, and AWS deletes them with it. */
    @Test
    void aVpcRowDeletedTakesItsRouteTablesAlongAndTheCommitDeletesTheVpc() {
        String name = "cascade-" + suffix;
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into vpc (cidr_block, tags) values ('10.84.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.84.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s'""".formatted(name)));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        String vpcId = rows(sql("select vpc_id from vpc where tags->>'Name' = '" + name + "'"), 0).getJsonArray(0)
                .getString(0);
        JsonArray mainTable = rows(sql("select t.route_table_id from route_table t join vpc v on v.id = t.vpc_id"
                + " where v.vpc_id = '" + vpcId + "'"), 0);
        assertThat(mainTable).as("its main route table").hasSize(1);
        String routeTableId = mainTable.getJsonArray(0).getString(0);

        ok(sql("select iasql_begin()"));
        ok(sql("""
                delete from security_group_rule where security_group_id in
                    (select g.id from security_group g join vpc v on v.id = g.vpc_id where v.tags->>'Name' = '%1$s');
                delete from security_group where vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from subnet where vpc_id = (select id from vpc where tags->>'Name' = '%1$s');
                delete from vpc where tags->>'Name' = '%1$s'""".formatted(name)));
        assertThat(rows(sql("select count(*) from route_table where route_table_id = '" + routeTableId + "'"), 0)
                .getJsonArray(0).getInt(0)).as("deleted with the VPC's row").isZero();
        JsonArray preview = rows(sql("select action, table_name from iasql_preview()"), 0);
        assertThat(column(preview, 1)).as("the main route table goes with the VPC").doesNotContain("route_table", "route");
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build())).vpcs())
                    .isEmpty();
        }
    }

    /** IaSQL's SQL: only the zone is renamed; its record moves with it, and the old zone goes once empty. */
    @Test
    void aRenamedZoneTakesItsRecordsToTheNewZoneAndTheOldOneIsDeleted() {
        String before = "ren-" + suffix + ".example.com";
        String after = "moved-" + suffix + ".example.com";
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into hosted_zone (domain_name) values ('%1$s');
                insert into resource_record_set (parent_hosted_zone_id, name, record_type, record, ttl)
                    select id, 'www.%1$s', 'A', '10.85.1.10', 300 from hosted_zone where domain_name = '%1$s.'"""
                .formatted(before)));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        ok(sql("select iasql_begin()"));
        ok(sql("update hosted_zone set domain_name = '" + after + "' where domain_name = '" + before + ".'"));
        assertThat(column(rows(sql("select name from resource_record_set r join hosted_zone z"
                + " on z.id = r.parent_hosted_zone_id where z.domain_name = '" + after + ".' and record_type = 'A'"), 0), 0))
                .as("renamed with its zone, as IaSQL does").containsExactly("www." + after + ".");
        JsonObject commit = sql("select status from iasql_commit()");
        assertThat(column(rows(commit, 0), 0)).containsOnly("DONE");

        try (var route53 = Moto.route53(motoUrl)) {
            var zones = route53.listHostedZones().hostedZones();
            assertThat(zones).extracting(zone -> zone.name()).contains(after + ".").doesNotContain(before + ".");
            String zoneId = zones.stream().filter(zone -> zone.name().equals(after + ".")).findFirst().orElseThrow().id();
            assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets())
                    .extracting(set -> set.name() + " " + set.typeAsString()).contains("www." + after + ". A");
        }
        assertThat(column(rows(sql("select r.record_type from resource_record_set r join hosted_zone z"
                + " on z.id = r.parent_hosted_zone_id where z.domain_name = '" + after + ".' order by 1"), 0), 0))
                .as("the new zone's own SOA and NS replace the old one's").containsExactly("A", "NS", "SOA");
    }

    /** DeleteVpc is refused while a subnet or a group is in it: the new VPC is made first, they move, the old goes. */
    @Test
    void aVpcWhoseBlockChangesMovesItsSubnetAndGroupIntoTheNewVpc() {
        String name = "block-" + suffix;
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into vpc (cidr_block, tags) values ('10.86.0.0/16', '{"Name": "%1$s"}');
                insert into subnet (vpc_id, cidr_block, availability_zone)
                    select id, '10.86.1.0/24', 'us-east-1a' from vpc where tags->>'Name' = '%1$s';
                insert into security_group (group_name, description, vpc_id)
                    select '%1$s-web', 'web servers', id from vpc where tags->>'Name' = '%1$s';
                insert into security_group_rule (security_group_id, is_egress, ip_protocol, from_port, to_port, cidr_ipv4)
                    select id, false, 'tcp', 443, 443, '0.0.0.0/0' from security_group where group_name = '%1$s-web'"""
                .formatted(name)));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        String oldVpc = rows(sql("select vpc_id from vpc where tags->>'Name' = '" + name + "'"), 0).getJsonArray(0)
                .getString(0);

        ok(sql("select iasql_begin()"));
        ok(sql("""
                update vpc set cidr_block = '10.87.0.0/16' where tags->>'Name' = '%1$s';
                update subnet set cidr_block = '10.87.1.0/24' where cidr_block = '10.86.1.0/24'
                    and vpc_id = (select id from vpc where tags->>'Name' = '%1$s')""".formatted(name)));
        JsonObject commit = sql("select status from iasql_commit()");
        assertThat(column(rows(commit, 0), 0)).containsOnly("DONE");

        JsonObject now = sql("""
                select vpc_id from vpc where tags->>'Name' = '%1$s';
                select s.subnet_id from subnet s join vpc v on v.id = s.vpc_id where v.tags->>'Name' = '%1$s';
                select g.group_name, g.group_id from security_group g join vpc v on v.id = g.vpc_id
                    where v.tags->>'Name' = '%1$s' order by g.group_name <> 'default', 1;
                select count(*) from security_group_rule r join security_group g on g.id = r.security_group_id
                    where g.group_name = '%1$s-web' and not r.is_egress""".formatted(name));
        String newVpc = rows(now, 0).getJsonArray(0).getString(0);
        assertThat(newVpc).isNotEqualTo(oldVpc);
        assertThat(column(rows(now, 2), 0)).as("the new VPC's default group, and the group moved")
                .containsExactly("default", name + "-web");
        assertThat(rows(now, 3).getJsonArray(0).getInt(0)).isEqualTo(1);
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("vpc-id").values(oldVpc).build())).vpcs())
                    .as("the old VPC is gone").isEmpty();
            assertThat(ec2.describeVpcs(r -> r.vpcIds(newVpc)).vpcs().get(0).cidrBlock()).isEqualTo("10.87.0.0/16");
            assertThat(ec2.describeSubnets(r -> r.subnetIds(rows(now, 1).getJsonArray(0).getString(0))).subnets()
                    .get(0).vpcId()).isEqualTo(newVpc);
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(rows(now, 2).getJsonArray(1).getString(1)))
                    .securityGroups().get(0).vpcId()).isEqualTo(newVpc);
        }
    }

    /**
     * Row ids go on after a reinstall: a new row must not take the id, and so the identity, of a row
     * whose instance the import now keeps under another id.
     */
    @Test
    void ec2UninstalledAndInstalledAgainImportsCleanlyAndCommits() {
        String name = "again-" + suffix;
        ok(sql("select iasql_begin()"));
        ok(sql("""
                insert into instance (ami, instance_type, tags) values ('%2$s', 't3.micro', '{"Name": "%1$s-a"}');
                insert into instance (ami, instance_type, tags) values ('%2$s', 't3.micro', '{"Name": "%1$s-b"}')"""
                .formatted(name, SeedStack.AMI)));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        ok(sql("select iasql_begin()"));
        ok(sql("delete from instance where tags->>'Name' = '" + name + "-a'"));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        ok(sql("select * from iasql_uninstall('aws_ec2')"));
        ok(sql("select * from iasql_install('aws_ec2')"));
        ok(sql("select iasql_begin()"));
        ok(sql("insert into instance (ami, instance_type, tags) values ('" + SeedStack.AMI + "', 't3.micro',"
                + " '{\"Name\": \"" + name + "-c\"}')"));
        JsonObject commit = sql("select status from iasql_commit()");
        assertThat(column(rows(commit, 0), 0)).containsOnly("DONE");

        JsonArray instances = rows(sql("select tags->>'Name', instance_id from instance where tags->>'Name' like '"
                + name + "-%' order by 1"), 0);
        assertThat(column(instances, 0)).containsExactly(name + "-b", name + "-c");
        assertThat(column(instances, 1)).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void aRefusedCommitUndoesItselfKeepsTheRowsAndTheCorrectedCommitSucceeds() {
        String name = "bad-" + suffix;
        sql("select iasql_begin()");
        String refusedImage = SeedStack.sql("10.81", name, "").replace(SeedStack.AMI, "ami-0123456789abcdef0");
        assertThat(sql(refusedImage).getBoolean("ok")).isTrue();

        var commit = api.post("environments/" + environment + "/transactions/current/commit", "");

        assertThat(commit.status()).isEqualTo(502);
        JsonObject report = commit.object();
        assertThat(report.getBoolean("committed")).isFalse();
        assertThat(report.getString("error")).contains("RunInstances was refused").contains("ami-0123456789abcdef0");
        assertThat(report.getJsonArray("undo")).isNotEmpty();
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(name).build()))
                    .vpcs()).as("the VPC the failed commit made is gone again").isEmpty();
        }
        JsonObject current = api.get("environments/" + environment + "/transactions/current").object();
        assertThat(current.getString("state")).isEqualTo("OPEN");
        assertThat(current.getString("error")).contains("ami-0123456789abcdef0");
        assertThat(rows(sql("select count(*), count(vpc_id) from vpc where tags->>'Name' = '" + name + "'"), 0)
                .getJsonArray(0).toString()).as("the row stays as typed, without a cloud id").isEqualTo("[1,0]");

        assertThat(sql("update instance set ami = '" + SeedStack.AMI + "' where tags->>'Name' = '" + name + "-web-1'")
                .getBoolean("ok")).isTrue();
        var corrected = api.post("environments/" + environment + "/transactions/current/commit", "");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values(name).build()))
                    .vpcs()).hasSize(1);
        }
    }

    @Test
    void theSyncEndingACommitWritesWhatTheCommitTouchedAndLeavesDriftElsewhereToTheNextSync() {
        String name = "closing-" + suffix;
        String handMade;
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1"); var s3 = Moto.s3(motoUrl)) {
            handMade = ec2.createVpc(r -> r.cidrBlock("10.83.0.0/16")).vpc().vpcId();
            ec2.createTags(r -> r.resources(handMade).tags(Tag.builder().key("Name").value(name + "-hand").build()));
            s3.createBucket(r -> r.bucket(name + "-hand"));
        }
        assertThat(api.post("environments/" + environment + "/sync", "").status()).isEqualTo(200);
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1"); var s3 = Moto.s3(motoUrl)) {
            ec2.createTags(r -> r.resources(handMade).tags(Tag.builder().key("Name").value(name + "-renamed").build()));
            s3.deleteBucket(r -> r.bucket(name + "-hand"));
        }

        sql("select iasql_begin()");
        ok(sql("insert into vpc (cidr_block, tags) values ('10.84.0.0/16', '{\"Name\": \"" + name + "\"}')"));
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsExactly("DONE");

        JsonObject after = sql("""
                select vpc_id, state, enable_dns_support, enable_dns_hostnames from vpc where tags->>'Name' = '%1$s';
                select g.group_id from security_group g join vpc v on v.id = g.vpc_id
                    where v.tags->>'Name' = '%1$s' and g.group_name = 'default';
                select count(*) from security_group_rule r join security_group g on g.id = r.security_group_id
                    join vpc v on v.id = g.vpc_id where v.tags->>'Name' = '%1$s';
                select count(*) from route_table t join vpc v on v.id = t.vpc_id join route r on r.route_table_id = t.id
                    where v.tags->>'Name' = '%1$s';
                select tags->>'Name' from vpc where vpc_id = '%2$s';
                select count(*) from bucket where name = '%1$s-hand'""".formatted(name, handMade));
        JsonArray made = rows(after, 0).getJsonArray(0);
        String madeId = made.getString(0);
        assertThat(made.getString(1)).as("the state the cloud reports").isEqualTo("available");
        assertThat(made.getBoolean(2)).as("AWS's default DNS support, which the row left unset").isTrue();
        assertThat(made.getBoolean(3)).as("and DNS hostnames").isFalse();
        String defaultGroup;
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            defaultGroup = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(madeId)
                    .build(), Filter.builder().name("group-name").values("default").build())).securityGroups()
                    .get(0).groupId();
        }
        assertThat(column(rows(after, 1), 0)).as("the new VPC's default group came with it")
                .containsExactly(defaultGroup);
        assertThat(rows(after, 2).getJsonArray(0).getInt(0)).as("with its rules").isPositive();
        assertThat(rows(after, 3).getJsonArray(0).getInt(0)).as("its main route table's local route").isEqualTo(1);
        assertThat(column(rows(after, 4), 0)).as("the hand-made VPC nobody touched keeps its row as it was")
                .containsExactly(name + "-hand");
        assertThat(rows(after, 5).getJsonArray(0).getInt(0)).as("a bucket deleted by hand: another type").isEqualTo(1);
        JsonArray audited = rows(sql("select origin, change_type from iasql_audit_log"
                + " where table_name = 'security_group' and new->>'group_id' = '" + defaultGroup + "'"), 0);
        assertThat(audited.getJsonArray(0).getString(0)).isEqualTo("engine");
        assertThat(audited.getJsonArray(0).getString(1)).isEqualTo("SYNC");

        assertThat(api.post("environments/" + environment + "/sync", "").status()).isEqualTo(200);
        JsonObject synced = sql("select tags->>'Name' from vpc where vpc_id = '" + handMade + "';"
                + " select count(*) from bucket where name = '" + name + "-hand'");
        assertThat(column(rows(synced, 0), 0)).as("the drift, brought in by a sync of the environment")
                .containsExactly(name + "-renamed");
        assertThat(rows(synced, 1).getJsonArray(0).getInt(0)).isZero();
    }

    @Test
    void aForeignKeyToAMissingSubnetFailsAtTheStatement() {
        sql("select iasql_begin()");

        JsonObject result = sql("insert into instance (ami, instance_type, subnet_id) values ('" + SeedStack.AMI
                + "', 't3.micro', 999999)");

        assertThat(result.getBoolean("ok")).isFalse();
        assertThat(result.getJsonArray("statements").getJsonObject(0).getJsonObject("error").getString("message"))
                .contains("violates foreign key constraint");
    }

    @Test
    void aKeyPairDeletedAndMadeAgainUnderItsNameIsDeletedFirst() {
        String name = "rotated-" + suffix;
        String newKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBp5YxN1B9VNMNpL87SzKOEkjlPB+nvNqfOnDWE6g332 ci2@tablecloud";
        sql("select iasql_begin()");
        sql("insert into key_pair (name, public_key) values ('" + name + "', '" + SeedStack.PUBLIC_KEY + "')");
        assertThat(column(rows(sql("select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        String firstId = rows(sql("select key_pair_id from key_pair where name = '" + name + "'"), 0)
                .getJsonArray(0).getString(0);

        sql("select iasql_begin()");
        assertThat(sql("delete from key_pair where name = '" + name + "'; insert into key_pair (name, public_key)"
                + " values ('" + name + "', '" + newKey + "')").getBoolean("ok")).isTrue();
        JsonArray steps = rows(sql("select action, status from iasql_commit()"), 0);

        assertThat(column(steps, 0)).containsExactly("delete", "create");
        assertThat(column(steps, 1)).containsOnly("DONE");
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            var pairs = ec2.describeKeyPairs(r -> r.keyNames(name)).keyPairs();
            assertThat(pairs).singleElement().satisfies(pair -> assertThat(pair.keyPairId()).isNotEqualTo(firstId));
        }
    }

    @Test
    void ofTwoCommitsAtOnceOneRunsAndTheOtherHearsCommitInProgress() throws Exception {
        sql("select iasql_begin()");
        sql("insert into vpc (cidr_block, tags) values ('10.82.0.0/16', '{\"Name\": \"twice-" + suffix + "\"}')");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Api.Reply> commit = () -> api.post("environments/" + environment + "/transactions/current/commit", "");
            List<Future<Api.Reply>> replies = pool.invokeAll(List.of(commit, commit));
            List<Integer> statuses = replies.stream().map(CommitIT::get).map(Api.Reply::status).toList();

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            Api.Reply refused = replies.stream().map(CommitIT::get).filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(refused.object().getString("detail")).satisfiesAnyOf(
                    detail -> assertThat(detail).startsWith("Commit in progress"),
                    detail -> assertThat(detail).startsWith("No transaction is open"));
        } finally {
            pool.shutdownNow();
        }
        try (Ec2Client ec2 = Moto.ec2(motoUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("twice-" + suffix)
                    .build())).vpcs()).as("made once").hasSize(1);
        }
    }

    private static Instance liveInstance(Ec2Client ec2, String name) {
        return ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values(name).build()))
                .reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> i.state().name() != InstanceStateName.TERMINATED)
                .findFirst().orElseThrow(() -> new AssertionError("no live instance named " + name));
    }

    private static Api.Reply get(Future<Api.Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
