package dev.tablecloud.export;

import dev.tablecloud.mapping.MappingData;
import dev.tablecloud.mapping.ValueMappings;
import dev.tablecloud.module.ModuleCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SqlExporterTest {

    private static final String VPC = "{\"id\": 1, \"vpc_id\": \"vpc-0abc\", \"cidr_block\": \"10.0.0.0/16\","
            + " \"state\": \"available\", \"is_default\": false, \"tags\": {\"Name\": \"app\"},"
            + " \"enable_dns_support\": true, \"enable_dns_hostnames\": false, \"region\": \"us-east-1\"}";
    private static final String SUBNET = "{\"id\": 4, \"subnet_id\": null, \"availability_zone\": \"us-east-1a\","
            + " \"vpc_id\": 1, \"cidr_block\": \"10.0.1.0/24\", \"state\": null, \"available_ip_address_count\": null,"
            + " \"owner_id\": null, \"subnet_arn\": null, \"region\": \"us-east-1\"}";
    private static final String GROUP = "{\"id\": 7, \"group_id\": \"sg-0123\", \"group_name\": \"web\","
            + " \"description\": \"web servers\", \"owner_id\": \"123456789012\", \"vpc_id\": 1,"
            + " \"region\": \"us-east-1\"}";
    private static final String VPC_WHERE = "(SELECT id FROM vpc WHERE tags->>'Name' = 'app' AND region = 'us-east-1')";

    private final SqlExporter exporter = SqlExporter.forCatalog();
    private final Map<String, String> database = new HashMap<>();
    private final Rows rows = (table, rowId) -> Optional.ofNullable(database.get(table + "/" + rowId));
    private final List<AuditEntry> log = new ArrayList<>();

    private void insert(String table, String image) {
        log.add(new AuditEntry(log.size() + 1, table, "INSERT", null, image));
    }

    private void update(String table, String before, String after) {
        log.add(new AuditEntry(log.size() + 1, table, "UPDATE", before, after));
    }

    private void delete(String table, String image) {
        log.add(new AuditEntry(log.size() + 1, table, "DELETE", image, null));
    }

    private ExportResult export() {
        return exporter.export(log, rows);
    }

    @Test
    void insertsAVpcWithItsNameTagAndWithoutWhatTheCloudGenerates() {
        insert("vpc", VPC);

        ExportResult result = export();

        assertThat(result.problems()).isEmpty();
        assertThat(result.statements()).containsExactly("INSERT INTO vpc (cidr_block, tags, enable_dns_support,"
                + " enable_dns_hostnames, region) VALUES ('10.0.0.0/16'::cidr, '{\"Name\":\"app\"}'::jsonb, true,"
                + " false, 'us-east-1');");
    }

    @Test
    void aSubnetPointsAtItsVpcByTheVpcsName() {
        database.put("vpc/1", VPC);
        insert("subnet", SUBNET);

        assertThat(export().statements()).containsExactly("INSERT INTO subnet (availability_zone, vpc_id, cidr_block,"
                + " region) VALUES ('us-east-1a', " + VPC_WHERE + ", '10.0.1.0/24'::cidr, 'us-east-1');");
    }

    @Test
    void aParentInsertedEarlierIsKeyedAsItWasInserted() {
        insert("vpc", VPC);
        insert("subnet", SUBNET);
        update("vpc", VPC, VPC.replace("\"app\"", "\"app2\""));

        List<String> statements = export().statements();

        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).contains(VPC_WHERE);
        assertThat(statements.get(2)).isEqualTo("UPDATE vpc SET tags = '{\"Name\":\"app2\"}'::jsonb WHERE"
                + " tags->>'Name' = 'app' AND region = 'us-east-1';");
    }

    @Test
    void aVpcWithoutNameIsKnownByItsCidrBlock() {
        database.put("vpc/1", VPC.replace("{\"Name\": \"app\"}", "null"));
        insert("subnet", SUBNET);

        assertThat(export().statements().get(0))
                .contains("(SELECT id FROM vpc WHERE cidr_block = '10.0.0.0/16'::cidr AND region = 'us-east-1')");
    }

    @Test
    void aRuleIsKeyedThroughItsGroupAndTheGroupsVpc() {
        database.put("vpc/1", VPC);
        database.put("security_group/7", GROUP);
        String rule = "{\"id\": 9, \"security_group_rule_id\": \"sgr-1\", \"security_group_id\": 7,"
                + " \"is_egress\": false, \"ip_protocol\": \"tcp\", \"from_port\": 443, \"to_port\": 443,"
                + " \"cidr_ipv4\": \"0.0.0.0/0\", \"cidr_ipv6\": null, \"source_security_group\": null,"
                + " \"description\": \"https\", \"region\": \"us-east-1\"}";
        delete("security_group_rule", rule);

        assertThat(export().statements()).containsExactly("DELETE FROM security_group_rule WHERE security_group_id ="
                + " (SELECT id FROM security_group WHERE vpc_id = " + VPC_WHERE + " AND group_name = 'web' AND region"
                + " = 'us-east-1') AND is_egress = false AND ip_protocol = 'tcp' AND from_port = 443 AND to_port = 443"
                + " AND cidr_ipv4 = '0.0.0.0/0'::cidr AND region = 'us-east-1';");
    }

    @Test
    void anUpdateSetsOnlyTheChangedColumnsOfTheRowFoundByItsPortableKey() {
        database.put("vpc/1", VPC);
        String after = SUBNET.replace("\"subnet_id\": null", "\"subnet_id\": \"subnet-9\"")
                .replace("us-east-1a", "us-east-1b");
        update("subnet", SUBNET, after);

        assertThat(export().statements()).containsExactly("UPDATE subnet SET availability_zone = 'us-east-1b' WHERE"
                + " vpc_id = " + VPC_WHERE + " AND cidr_block = '10.0.1.0/24'::cidr AND region = 'us-east-1';");
    }

    @Test
    void anUpdateOfGeneratedColumnsOnlyExportsNothing() {
        update("vpc", VPC, VPC.replace("vpc-0abc", "vpc-0def").replace("available", "pending"));

        assertThat(export().statements()).isEmpty();
        assertThat(export().problems()).isEmpty();
    }

    @Test
    void deletesTheRowFoundByItsPortableKey() {
        delete("vpc", VPC);

        assertThat(export().statements())
                .containsExactly("DELETE FROM vpc WHERE tags->>'Name' = 'app' AND region = 'us-east-1';");
    }

    @Test
    void foldsAnInsertAndItsUpdatesIntoOneInsert() {
        String named = VPC.replace("\"app\"", "\"api\"");
        insert("vpc", VPC);
        update("vpc", VPC, named);
        update("vpc", named, named.replace("\"enable_dns_hostnames\": false", "\"enable_dns_hostnames\": true"));

        assertThat(export().statements()).containsExactly("INSERT INTO vpc (cidr_block, tags, enable_dns_support,"
                + " enable_dns_hostnames, region) VALUES ('10.0.0.0/16'::cidr, '{\"Name\":\"api\"}'::jsonb, true,"
                + " true, 'us-east-1');");
    }

    @Test
    void anInsertThenItsDeleteExportsNothing() {
        insert("vpc", VPC);
        insert("subnet", SUBNET);
        delete("subnet", SUBNET);
        delete("vpc", VPC);

        ExportResult result = export();

        assertThat(result.statements()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anUpdateThenADeleteIsADeleteOfTheRowAsItWas() {
        String renamed = VPC.replace("\"app\"", "\"gone\"");
        update("vpc", VPC, renamed);
        delete("vpc", renamed);

        assertThat(export().statements())
                .containsExactly("DELETE FROM vpc WHERE tags->>'Name' = 'app' AND region = 'us-east-1';");
    }

    @Test
    void quotesAHostileNameAsData() {
        insert("key_pair", "{\"id\": 2, \"key_pair_id\": \"key-1\", \"name\": \"x'); DROP TABLE vpc; --\","
                + " \"fingerprint\": \"ab:cd\", \"public_key\": null, \"region\": \"us-east-1\"}");
        insert("vpc", VPC.replace("\"app\"", "\"x'); DROP TABLE vpc; --\\\\\""));

        List<String> statements = export().statements();

        assertThat(statements.get(0)).isEqualTo("INSERT INTO key_pair (name, region) VALUES"
                + " ('x''); DROP TABLE vpc; --', 'us-east-1');");
        assertThat(statements.get(1)).contains("'{\"Name\":\"x''); DROP TABLE vpc; --\\\\\"}'::jsonb");
    }

    @Test
    void aHostileNameInAPortableKeyIsQuotedToo() {
        delete("bucket", "{\"name\": \"b'; DELETE FROM bucket; --\", \"policy\": null, \"tags\": null,"
                + " \"created_at\": \"2024-01-01T00:00:00+00:00\", \"region\": \"us-east-1\"}");

        assertThat(export().statements()).containsExactly("DELETE FROM bucket WHERE name = 'b''; DELETE FROM bucket; --';");
    }

    @Test
    void anInstanceWithoutNameIsAProblemNotSql() {
        String instance = "{\"id\": 3, \"instance_id\": \"i-0abc\", \"ami\": \"ami-1\", \"instance_type\": \"t3.micro\","
                + " \"key_pair_name\": null, \"state\": \"running\", \"user_data\": null, \"tags\": {\"env\": \"staging\"},"
                + " \"subnet_id\": null, \"region\": \"us-east-1\"}";
        insert("instance", instance);
        log.add(new AuditEntry(5, "instance_security_groups", "INSERT", null,
                "{\"id\": 8, \"instance_id\": 3, \"security_group_id\": 7, \"region\": \"us-east-1\"}"));
        database.put("security_group/7", GROUP);
        database.put("vpc/1", VPC);

        ExportResult result = export();

        assertThat(result.statements()).isEmpty();
        assertThat(result.problems()).extracting(Problem::table, Problem::rowId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instance", "3"),
                        org.assertj.core.groups.Tuple.tuple("instance_security_groups", "8"));
        assertThat(result.problems().get(0).message()).contains("instance row 3").contains("tags->>'Name'");
        assertThat(result.problems().get(1).reason()).contains("instance row 3");
    }

    @Test
    void neverEmitsGeneratedColumnsOrCloudIds() {
        insert("instance", "{\"id\": 3, \"instance_id\": \"i-0abc\", \"ami\": \"ami-1\", \"instance_type\": \"t3.micro\","
                + " \"key_pair_name\": \"deploy\", \"state\": \"running\", \"user_data\": null,"
                + " \"tags\": {\"Name\": \"web-1\"}, \"subnet_id\": 4, \"region\": \"us-east-1\"}");
        insert("security_group", GROUP);
        insert("subnet", SUBNET.replace("\"subnet_id\": null", "\"subnet_id\": \"subnet-1\"")
                .replace("\"owner_id\": null, \"subnet_arn\": null", "\"owner_id\": \"1\", \"subnet_arn\": \"arn:x\""));
        insert("bucket", "{\"name\": \"assets\", \"policy\": null, \"tags\": null,"
                + " \"created_at\": \"2024-01-01T00:00:00+00:00\", \"region\": \"us-east-1\"}");
        insert("hosted_zone", "{\"id\": 5, \"hosted_zone_id\": \"Z123\", \"domain_name\": \"example.com.\","
                + " \"comment\": null}");
        database.put("subnet/4", SUBNET);
        database.put("vpc/1", VPC);

        ExportResult result = export();

        assertThat(result.problems()).isEmpty();
        assertThat(String.join("\n", result.statements())).doesNotContain("i-0abc", "sg-0123", "123456789012",
                "subnet-1", "arn:x", "2024-01-01", "Z123", "vpc-0abc", "group_id", "instance_id", "owner_id",
                "created_at", "hosted_zone_id", "(id");
        assertThat(result.statements()).contains("INSERT INTO bucket (name, region) VALUES ('assets', 'us-east-1');",
                "INSERT INTO hosted_zone (domain_name) VALUES ('example.com.');");
        assertThat(result.statements().get(0)).startsWith("INSERT INTO instance (ami, instance_type, key_pair_name,"
                + " state, tags, subnet_id, region) VALUES ('ami-1', 't3.micro', 'deploy', 'running',"
                + " '{\"Name\":\"web-1\"}'::jsonb, (SELECT id FROM subnet WHERE vpc_id = " + VPC_WHERE);
    }

    @Test
    void aRecordSetIsKeyedByItsZoneNameAndType() {
        database.put("hosted_zone/5", "{\"id\": 5, \"hosted_zone_id\": \"Z123\", \"domain_name\": \"example.com.\","
                + " \"comment\": null}");
        update("resource_record_set", "{\"id\": 6, \"name\": \"www.example.com.\", \"record_type\": \"A\","
                + " \"record\": \"1.2.3.4\", \"ttl\": 300, \"parent_hosted_zone_id\": 5}",
                "{\"id\": 6, \"name\": \"www.example.com.\", \"record_type\": \"A\","
                + " \"record\": \"1.2.3.4\", \"ttl\": 60, \"parent_hosted_zone_id\": 5}");

        assertThat(export().statements()).containsExactly("UPDATE resource_record_set SET ttl = 60 WHERE"
                + " parent_hosted_zone_id = (SELECT id FROM hosted_zone WHERE domain_name = 'example.com.') AND name ="
                + " 'www.example.com.' AND record_type = 'A';");
    }

    @Test
    void aParentThatIsNotKnownIsAProblem() {
        insert("subnet", SUBNET);

        ExportResult result = export();

        assertThat(result.statements()).isEmpty();
        assertThat(result.problems()).singleElement().extracting(Problem::reason).asString()
                .contains("vpc_id points at vpc row 1, which is not known");
    }

    @Test
    void aTargetsMappingsRewriteValuesAndTheKeysRowsAreFoundBy() {
        ValueMappings prod = new ValueMappings(List.of(
                new MappingData(null, "region", null, null, "us-east-1", "eu-west-1"),
                new MappingData(null, "name", null, null, "app", "app-prod")));
        database.put("vpc/1", VPC);
        insert("subnet", SUBNET);
        update("vpc", VPC, VPC.replace("false, \"region\"", "true, \"region\""));

        ExportResult result = exporter.export(log, rows, prod);

        String prodVpc = "(SELECT id FROM vpc WHERE tags->>'Name' = 'app-prod' AND region = 'eu-west-1')";
        assertThat(result.statements()).containsExactly(
                "INSERT INTO subnet (availability_zone, vpc_id, cidr_block, region) VALUES ('eu-west-1a', " + prodVpc
                        + ", '10.0.1.0/24'::cidr, 'eu-west-1');",
                "UPDATE vpc SET enable_dns_hostnames = true WHERE tags->>'Name' = 'app-prod' AND region = 'eu-west-1';");
        assertThat(result.mapped()).extracting(fired -> fired.mapping().kind()).containsExactly("region", "name");
    }

    @Test
    void aRenamedBucketIsDeletedUnderItsTargetName() {
        ValueMappings prod = new ValueMappings(List.of(new MappingData(null, "name", null, null, "-staging", "-prod")));
        String bucket = "{\"name\": \"logs-staging\", \"policy\": null, \"tags\": {}, \"created_at\": null,"
                + " \"region\": \"us-east-1\"}";
        insert("bucket", bucket);
        delete("bucket", bucket.replace("\"created_at\": null", "\"created_at\": \"2026-11-21T10:00:00Z\""));
        delete("bucket", bucket.replace("logs", "old"));

        ExportResult result = exporter.export(log, rows, prod);

        assertThat(result.statements()).as("the insert and its delete fold away")
                .containsExactly("DELETE FROM bucket WHERE name = 'old-prod';");
    }

    @Test
    void aRouteToAGatewayOfThisAccountIsReportedNotExported() {
        String table = "{\"id\": 9, \"route_table_id\": \"rtb-0aa\", \"vpc_id\": 1, \"tags\": {\"Name\": \"public\"},"
                + " \"region\": \"us-east-1\"}";
        database.put("vpc/1", VPC);
        database.put("route_table/9", table);
        String route = "{\"id\": 3, \"route_table_id\": 9, \"destination\": \"0.0.0.0/0\", \"gateway_id\": \"igw-0abc\","
                + " \"nat_gateway_id\": null, \"instance_id\": null, \"vpc_peering_connection_id\": null,"
                + " \"transit_gateway_id\": null, \"state\": null, \"origin\": null, \"region\": \"us-east-1\"}";
        insert("route", route);
        insert("route", route.replace("\"id\": 3", "\"id\": 4").replace("0.0.0.0/0", "10.0.0.0/16")
                .replace("\"igw-0abc\"", "\"local\""));

        ExportResult result = export();

        assertThat(result.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("gateway_id is 'igw-0abc'").contains("another account does not have"));
        assertThat(result.statements()).singleElement().asString().contains("'local'").contains("'10.0.0.0/16'");
        assertThat(ValueMappings.mappable(ModuleCatalog.get("aws_vpc").table("route"), "gateway_id")).isFalse();
    }
}
