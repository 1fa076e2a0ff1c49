package dev.tablecloud.mapping;

import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueMappingsTest {

    private static final ResourceTable INSTANCE = ModuleCatalog.get("aws_ec2").table("instance");
    private static final ResourceTable SUBNET = ModuleCatalog.get("aws_vpc").table("subnet");
    private static final ResourceTable BUCKET = ModuleCatalog.get("aws_s3").table("bucket");
    private static final ResourceTable RULE = ModuleCatalog.get("aws_security_group").table("security_group_rule");

    private static MappingData value(String table, String column, String from, String to) {
        return new MappingData(null, "value", table, column, from, to);
    }

    private static MappingData of(String kind, String from, String to) {
        return new MappingData(null, kind, null, null, from, to);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aValueMappingRewritesItsColumnExactlyAndSaysSo() {
        ValueMappings mappings = new ValueMappings(List.of(value("instance", "instance_type", "t3.micro", "m5.large")));

        JsonObject mapped = mappings.apply(INSTANCE, json("{\"id\": 3, \"instance_type\": \"t3.micro\","
                + " \"ami\": \"t3.micro\", \"region\": \"us-east-1\"}"));

        assertThat(mapped.getString("instance_type")).isEqualTo("m5.large");
        assertThat(mapped.getString("ami")).as("another column with the same value").isEqualTo("t3.micro");
        assertThat(mappings.fired()).singleElement().satisfies(fired ->
                assertThat(fired.rewrites()).containsExactly("instance.instance_type 't3.micro' → 'm5.large'"));
    }

    @Test
    void aValueThatMatchesNoMappingIsLeftAloneAndNothingFires() {
        ValueMappings mappings = new ValueMappings(List.of(value("instance", "instance_type", "t3.micro", "m5.large")));
        JsonObject row = json("{\"id\": 3, \"instance_type\": \"t3.micro-ish\"}");

        assertThat(mappings.apply(INSTANCE, row)).isSameAs(row);
        assertThat(mappings.fired()).isEmpty();
    }

    @Test
    void aRegionMovesItsZonesUnlessAZoneMappingSaysOtherwise() {
        ValueMappings regionOnly = new ValueMappings(List.of(of("region", "us-east-1", "eu-west-1")));
        ValueMappings withZone = new ValueMappings(List.of(of("region", "us-east-1", "eu-west-1"),
                of("availability_zone", "us-east-1b", "eu-west-1c")));
        JsonObject subnet = json("{\"id\": 4, \"availability_zone\": \"us-east-1b\", \"region\": \"us-east-1\"}");

        JsonObject moved = regionOnly.apply(SUBNET, subnet);
        assertThat(moved.getString("region")).isEqualTo("eu-west-1");
        assertThat(moved.getString("availability_zone")).isEqualTo("eu-west-1b");
        assertThat(regionOnly.fired()).singleElement().satisfies(fired -> assertThat(fired.rewrites())
                .containsExactlyInAnyOrder("subnet.region 'us-east-1' → 'eu-west-1'",
                        "subnet.availability_zone 'us-east-1b' → 'eu-west-1b'"));
        assertThat(withZone.apply(SUBNET, subnet).getString("availability_zone")).isEqualTo("eu-west-1c");
    }

    @Test
    void aNameRewriteReachesBucketNamesKeyPairNamesAndNameTagsButNotOtherText() {
        ValueMappings mappings = new ValueMappings(List.of(of("name", "-staging", "-prod")));

        JsonObject bucket = mappings.apply(BUCKET, json("{\"name\": \"logs-staging\", \"region\": \"us-east-1\","
                + " \"tags\": {\"Name\": \"logs-staging\", \"team\": \"a-staging\"}}"));
        JsonObject instance = mappings.apply(INSTANCE, json("{\"id\": 1, \"key_pair_name\": \"ops-staging\","
                + " \"user_data\": \"echo app-staging\", \"tags\": {\"Name\": \"web-staging\"}}"));

        assertThat(bucket.getString("name")).isEqualTo("logs-prod");
        assertThat(bucket.getJsonObject("tags")).isEqualTo(json("{\"Name\": \"logs-prod\", \"team\": \"a-staging\"}"));
        assertThat(instance.getString("key_pair_name")).isEqualTo("ops-prod");
        assertThat(instance.getString("user_data")).isEqualTo("echo app-staging");
        assertThat(instance.getJsonObject("tags").getString("Name")).isEqualTo("web-prod");
    }

    @Test
    void aNameRewriteOfOneColumnReachesOnlyThatColumn() {
        ValueMappings mappings = new ValueMappings(List.of(
                new MappingData(null, "name", "instance", "user_data", "staging", "prod")));

        JsonObject instance = mappings.apply(INSTANCE, json("{\"id\": 1, \"user_data\": \"echo staging\","
                + " \"tags\": {\"Name\": \"web-staging\"}}"));

        assertThat(instance.getString("user_data")).isEqualTo("echo prod");
        assertThat(instance.getJsonObject("tags").getString("Name")).isEqualTo("web-staging");
    }

    @Test
    void numbersStayNumbers() {
        ValueMappings mappings = new ValueMappings(List.of(value("security_group_rule", "from_port", "8080", "80")));

        JsonObject rule = mappings.apply(RULE, json("{\"id\": 2, \"from_port\": 8080, \"to_port\": 8080}"));

        assertThat(rule.getJsonNumber("from_port").intValue()).isEqualTo(80);
        assertThat(rule.getJsonNumber("to_port").intValue()).isEqualTo(8080);
    }

    @Test
    void keysCloudIdsAndForeignKeysAreNeverMapped() {
        assertThat(ValueMappings.mappable(SUBNET, "id")).isFalse();
        assertThat(ValueMappings.mappable(SUBNET, "subnet_id")).isFalse();
        assertThat(ValueMappings.mappable(SUBNET, "vpc_id")).isFalse();
        assertThat(ValueMappings.mappable(SUBNET, "state")).as("generated").isFalse();
        assertThat(ValueMappings.mappable(SUBNET, "cidr_block")).isTrue();
        assertThat(ValueMappings.mappable(SUBNET, "region")).isTrue();
        assertThat(ValueMappings.mappable(BUCKET, "name")).as("a natural key is a shared value").isTrue();
    }

    @Test
    void aBlockMovesWithTheBlocksAndAddressesInsideItAndLeavesOthers() {
        ResourceTable vpc = ModuleCatalog.get("aws_vpc").table("vpc");
        ValueMappings mappings = new ValueMappings(List.of(of("cidr", "10.80.0.0/16", "10.90.0.0/16"),
                of("cidr", "2600:1f18:aa::/48", "2a05:d018:bb::/48")));

        assertThat(mappings.apply(vpc, json("{\"id\": 1, \"cidr_block\": \"10.80.0.0/16\"}")).getString("cidr_block"))
                .isEqualTo("10.90.0.0/16");
        assertThat(mappings.apply(SUBNET, json("{\"id\": 2, \"cidr_block\": \"10.80.17.0/24\"}")).getString("cidr_block"))
                .isEqualTo("10.90.17.0/24");
        JsonObject rule = mappings.apply(RULE, json("{\"id\": 3, \"cidr_ipv4\": \"0.0.0.0/0\", \"cidr_ipv6\":"
                + " \"2600:1f18:aa:7::/64\"}"));
        assertThat(rule.getString("cidr_ipv4")).as("wider than the block").isEqualTo("0.0.0.0/0");
        assertThat(rule.getString("cidr_ipv6")).as("as PostgreSQL writes it").isEqualTo("2a05:d018:bb:7::/64");
        assertThat(mappings.apply(SUBNET, json("{\"id\": 4, \"cidr_block\": \"10.81.0.0/24\"}")).getString("cidr_block"))
                .isEqualTo("10.81.0.0/24");
    }
}
