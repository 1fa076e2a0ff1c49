package dev.tablecloud.it;

import dev.tablecloud.testsupport.MotoServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.tablecloud.it.SqlAnswers.column;
import static dev.tablecloud.it.SqlAnswers.rows;
import static dev.tablecloud.it.SqlAnswers.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's promise (DESIGN §5): a change made and committed in staging is exported for prod,
 * with prod's value mappings, replayed there as a transaction and committed, without anyone
 * touching a cloud id. Staging and prod are two moto servers: two accounts, two regions.
 */
class PromotionIT extends DeployedTablecloud {

    private static final String PROD_ACCOUNT = "210987654321";
    private static final Map<String, String> REFUSE_WHAT_AWS_REFUSES = Map.of("MOTO_ENABLE_AMI_VALIDATION", "true",
            "MOTO_EC2_ENABLE_INSTANCE_TYPE_VALIDATION", "true", "MOTO_ENABLE_KEYPAIR_VALIDATION", "true");

    private static final String[] MODULES = {"aws_ec2", "aws_s3", "aws_route53"};

    private static MotoServer stagingAccount;
    private static MotoServer prodAccount;
    private static String stagingUrl;
    private static String prodUrl;
    private static String prodAmi;

    @BeforeAll
    static void startAccounts() throws Exception {
        int stagingPort = FreePort.find();
        stagingAccount = MotoServer.start(stagingPort, REFUSE_WHAT_AWS_REFUSES);
        stagingUrl = "http://127.0.0.1:" + stagingPort;
        int prodPort = FreePort.find();
        Map<String, String> prodSettings = new java.util.HashMap<>(REFUSE_WHAT_AWS_REFUSES);
        prodSettings.put("MOTO_ACCOUNT_ID", PROD_ACCOUNT);
        prodAccount = MotoServer.start(prodPort, prodSettings);
        prodUrl = "http://127.0.0.1:" + prodPort;
        try (Ec2Client ec2 = Moto.ec2(prodUrl, "eu-west-1")) {
            // AMIs are regional: prod's region has its own ids for the image staging uses.
            prodAmi = ec2.describeImages(r -> r.owners("amazon")).images().stream()
                    .map(image -> image.imageId()).filter(id -> !id.equals(SeedStack.AMI)).sorted()
                    .findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stopAccounts() {
        stagingAccount.close();
        prodAccount.close();
    }

    @Test
    void stagingsCommittedChangesReplayInProdWithProdsValuesAndNoCloudIds() {
        Api api = new Api(deployment);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String staging = api.environment("staging-" + suffix, stagingUrl, "us-east-1", MODULES);
        String prod = api.environment("prod-" + suffix, prodUrl, "eu-west-1", MODULES);
        var mapped = api.put("environments/" + prod + "/mappings", """
                [{"kind": "region", "from": "us-east-1", "to": "eu-west-1"},
                 {"kind": "cidr", "from": "10.80.0.0/16", "to": "10.90.0.0/16"},
                 {"kind": "value", "table": "resource_record_set", "column": "record", "from": "10.80.1.10",
                  "to": "10.90.1.10"},
                 {"kind": "value", "table": "instance", "column": "instance_type", "from": "t3.micro", "to": "t3.small"},
                 {"kind": "value", "table": "instance", "column": "ami", "from": %s, "to": %s},
                 {"kind": "name", "from": "-staging", "to": "-prod"}]""".formatted(Api.quote(SeedStack.AMI),
                Api.quote(prodAmi)));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        UnaryOperator<String> forProd = text -> text.replace("-staging", "-prod").replace("us-east-1", "eu-west-1")
                .replace("t3.micro", "t3.small").replace(SeedStack.AMI, prodAmi).replace("10.80.", "10.90.");

        // Staging: the seed's stack, committed.
        long first = api.begin(staging);
        ok(api.sql(staging, SeedStack.sql("10.80", "shop", "-staging")));
        List<String> stagingPlan = column(rows(api.sql(staging,
                "select action || ' ' || table_name from iasql_preview()"), 0), 0);
        assertThat(column(rows(api.sql(staging, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        // Export for prod over REST: mappings applied and listed, no cloud id anywhere.
        var json = api.get("environments/" + staging + "/transactions/" + first + "/sql?target=" + prod,
                "application/json");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.object().getString("target")).isEqualTo(prod);
        assertThat(json.object().getJsonArray("problems")).isEmpty();
        assertThat(json.object().getJsonArray("mapped").stream()
                .map(fired -> fired.asJsonObject().getJsonObject("mapping").getString("kind")).toList())
                .containsExactly("region", "cidr", "value", "value", "value", "name");
        var scriptReply = api.get("environments/" + staging + "/transactions/" + first + "/sql?target=" + prod,
                "text/plain");
        assertThat(scriptReply.status()).as(scriptReply.toString()).isEqualTo(200);
        String script = scriptReply.body();
        assertThat(script).contains("-- mapped: value of instance.instance_type: 't3.micro' → 't3.small'");
        String statementsOnly = script.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
        assertThat(statementsOnly).contains("'eu-west-1a'").contains("'shop-web-1-prod'").doesNotContain("us-east-1")
                .doesNotContain("staging").doesNotContain("10.80.").doesNotContainPattern("\\b(vpc|subnet|sg|sgr|i|key|igw|rtb)-[0-9a-f]{8,}");

        // Prod: replay, preview the same creates with prod's values, commit.
        api.begin(prod);
        ok(api.sql(prod, script));
        JsonArray prodPreview = rows(api.sql(prod, "select action || ' ' || table_name, changes from iasql_preview()"), 0);
        assertThat(column(prodPreview, 0)).containsExactlyInAnyOrderElementsOf(stagingPlan);
        assertThat(column(prodPreview, 1).stream().filter(changes -> changes.contains("instance_type")))
                .singleElement().asString().contains("t3.small").contains(prodAmi).contains("shop-deploy-prod");
        assertThat(column(rows(api.sql(prod, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        assertThat(resources(api, prod)).isEqualTo(forProd.apply(resources(api, staging)));
        assertProdCloudHolds("shop", 443, 300, "shop-assets-prod");

        // Staging again: change some, delete one, add one; replayed through the SQL functions.
        long second = api.begin(staging);
        ok(api.sql(staging, """
                update security_group_rule set from_port = 8443, to_port = 8443
                    where security_group_id = (select id from security_group where group_name = 'shop-web-staging')
                    and not is_egress;
                update resource_record_set set ttl = 60 where name like 'www.shop-staging.example.com%';
                update instance set tags = tags || '{"team": "checkout"}' where tags->>'Name' = 'shop-web-1-staging';
                delete from bucket where name = 'shop-assets-staging';
                insert into bucket (name) values ('shop-logs-staging')"""));
        assertThat(column(rows(api.sql(staging, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");
        List<String> statements = column(rows(api.sql(staging,
                "select sql from iasql_get_sql_for_transaction(%d, '%s')".formatted(second, prod)), 0), 0);
        assertThat(statements).filteredOn(line -> !line.startsWith("--")).hasSize(5);

        api.begin(prod);
        ok(api.sql(prod, String.join("\n", statements)));
        assertThat(column(rows(api.sql(prod, "select status from iasql_commit()"), 0), 0)).containsOnly("DONE");

        assertThat(resources(api, prod)).isEqualTo(forProd.apply(resources(api, staging)));
        assertProdCloudHolds("shop", 8443, 60, "shop-logs-prod");
        try (var s3 = Moto.s3(prodUrl)) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name())
                    .doesNotContain("shop-assets-prod");
        }
        try (Ec2Client ec2 = Moto.ec2(prodUrl, "eu-west-1")) {
            assertThat(liveInstance(ec2, "shop-web-1-prod").tags()).contains(Tag.builder().key("team")
                    .value("checkout").build());
        }
    }

    /** Prod's account, read with the SDK: the stack under prod's names, in prod's region. */
    private static void assertProdCloudHolds(String name, int port, long ttl, String bucket) {
        try (Ec2Client ec2 = Moto.ec2(prodUrl, "eu-west-1")) {
            String vpcId = ec2.describeVpcs(r -> r.filters(tag(name + "-prod"))).vpcs().get(0).vpcId();
            assertThat(ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                    .subnets()).extracting(Subnet::cidrBlock, Subnet::availabilityZone)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("10.90.1.0/24", "eu-west-1a"),
                            org.assertj.core.groups.Tuple.tuple("10.90.2.0/24", "eu-west-1b"));
            SecurityGroup group = ec2.describeSecurityGroups(r -> r.filters(
                    Filter.builder().name("group-name").values(name + "-web-prod").build())).securityGroups().get(0);
            assertThat(group.vpcId()).isEqualTo(vpcId);
            assertThat(group.ipPermissions()).singleElement().satisfies(rule -> {
                assertThat(rule.fromPort()).isEqualTo(port);
                assertThat(rule.toPort()).isEqualTo(port);
            });
            Instance instance = liveInstance(ec2, name + "-web-1-prod");
            assertThat(instance.instanceTypeAsString()).isEqualTo("t3.small");
            assertThat(instance.imageId()).isEqualTo(prodAmi);
            assertThat(instance.keyName()).isEqualTo(name + "-deploy-prod");
            assertThat(instance.placement().availabilityZone()).isEqualTo("eu-west-1a");
            assertThat(instance.securityGroups()).extracting(g -> g.groupName()).contains(name + "-web-prod");
        }
        try (Ec2Client ec2 = Moto.ec2(prodUrl, "us-east-1")) {
            assertThat(ec2.describeVpcs(r -> r.filters(tag(name + "-prod"))).vpcs())
                    .as("nothing of prod lands in staging's region").isEmpty();
        }
        try (var s3 = Moto.s3(prodUrl)) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
            assertThat(s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString()).isEqualTo("eu-west-1");
        }
        try (var route53 = Moto.route53(prodUrl)) {
            var zone = route53.listHostedZones().hostedZones().stream()
                    .filter(z -> z.name().startsWith(name + "-prod.example.com")).findFirst().orElseThrow();
            List<ResourceRecordSet> records = route53.listResourceRecordSets(r -> r.hostedZoneId(zone.id()))
                    .resourceRecordSets();
            assertThat(records).filteredOn(r -> r.name().startsWith("www." + name + "-prod.example.com"))
                    .singleElement().satisfies(record -> {
                        assertThat(record.ttl()).isEqualTo(ttl);
                        assertThat(record.resourceRecords().get(0).value()).isEqualTo("10.90.1.10");
                    });
        }
        try (Ec2Client staging = Moto.ec2(stagingUrl, "us-east-1")) {
            assertThat(staging.describeVpcs(r -> r.filters(tag(name + "-prod"))).vpcs())
                    .as("nothing of prod lands in staging's account").isEmpty();
        }
    }

    /**
     * What users declared, by portable keys and values, without serial ids or cloud ids: one line
     * per row, sorted, so that two environments compare as text.
     */
    private static String resources(Api api, String environment) {
        JsonObject result = api.sql(environment, """
                select 'vpc ' || (tags->>'Name') || ' ' || cidr_block || ' ' || region from vpc where tags ? 'Name';
                select 'subnet ' || (v.tags->>'Name') || ' ' || s.cidr_block || ' ' || s.availability_zone
                    from subnet s join vpc v on v.id = s.vpc_id where v.tags ? 'Name';
                select 'group ' || group_name || ' ' || description from security_group where group_name <> 'default';
                select 'rule ' || g.group_name || ' ' || r.is_egress || ' ' || r.ip_protocol || ' '
                    || coalesce(r.from_port::text, '') || '-' || coalesce(r.to_port::text, '') || ' '
                    || coalesce(r.cidr_ipv4::text, '')
                    from security_group_rule r join security_group g on g.id = r.security_group_id
                    where g.group_name <> 'default' and not r.is_egress;
                select 'key ' || name from key_pair;
                select 'instance ' || (tags - 'tablecloud:row')::text || ' ' || instance_type || ' ' || ami || ' '
                    || key_pair_name || ' ' || region from instance where state <> 'terminated';
                select 'link ' || (i.tags->>'Name') || ' ' || g.group_name from instance_security_groups l
                    join instance i on i.id = l.instance_id join security_group g on g.id = l.security_group_id;
                select 'bucket ' || name || ' ' || coalesce(region, '') from bucket;
                select 'zone ' || domain_name from hosted_zone;
                select 'record ' || name || ' ' || record_type || ' ' || record || ' ' || ttl
                    from resource_record_set where record_type = 'A'""");
        ok(result);
        return result.getJsonArray("statements").stream()
                .flatMap(statement -> statement.asJsonObject().getJsonArray("rows").stream())
                .map(row -> row.asJsonArray().getString(0)).sorted().collect(Collectors.joining("\n"));
    }

    private static Filter tag(String name) {
        return Filter.builder().name("tag:Name").values(name).build();
    }

    private static Instance liveInstance(Ec2Client ec2, String name) {
        return ec2.describeInstances(r -> r.filters(tag(name))).reservations().stream()
                .flatMap(r -> r.instances().stream())
                .filter(i -> i.state().name() != InstanceStateName.TERMINATED)
                .findFirst().orElseThrow(() -> new AssertionError("no live instance named " + name));
    }
}
