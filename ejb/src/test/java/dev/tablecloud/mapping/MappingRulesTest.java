package dev.tablecloud.mapping;

import dev.tablecloud.failure.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingRulesTest {

    private static String errors(String kind, String table, String column, String from, String to) {
        return MappingRules.errors(new MappingData(null, kind, table, column, from, to)).stream()
                .map(error -> error.field() + ": " + error.message()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void wellFormedMappingsPass() {
        assertThat(errors("value", "instance", "instance_type", "t3.micro", "m5.large")).isEmpty();
        assertThat(errors("value", null, "cidr_block", "10.0.0.0/16", "10.8.0.0/16")).isEmpty();
        assertThat(errors("region", null, null, "us-east-1", "eu-west-1")).isEmpty();
        assertThat(errors("availability_zone", null, null, "us-east-1a", "eu-west-1b")).isEmpty();
        assertThat(errors("name", null, null, "-staging", "-prod")).isEmpty();
        assertThat(errors("name", "bucket", null, "-staging", "-prod")).isEmpty();
        assertThat(errors("cidr", null, null, "10.80.0.0/16", "10.90.0.0/16")).isEmpty();
    }

    @Test
    void eachMistakeIsNamedOnItsField() {
        assertThat(errors("colour", null, null, "a", "b")).startsWith("kind: A mapping's kind is one of value, region,");
        assertThat(errors("value", null, null, "a", "b")).contains("column: A value mapping names the column");
        assertThat(errors("value", "instance", "instance_id", "a", "b")).contains("'instance_id' is not a column of"
                + " instance whose values another environment shares");
        assertThat(errors("value", "subnet", "vpc_id", "a", "b")).contains("foreign keys");
        assertThat(errors("value", "nosuch", "x", "a", "b")).contains("table: 'nosuch' is not a table");
        assertThat(errors("value", null, "nosuch", "a", "b")).contains("No table has a column 'nosuch'");
        assertThat(errors("region", "vpc", null, "a", "b")).contains("give no table or column");
        assertThat(errors("name", null, null, "", null)).contains("from: Give the value").contains("to: Give the value");
        assertThat(errors("name", null, null, "x".repeat(1001), "y")).contains("at most 1000 characters");
        assertThat(errors("cidr", null, null, "10.80.1.0/16", "10.90.0.0/24")).contains("from: '10.80.1.0/16' has"
                + " address bits set below its prefix; give the block's first address (10.80.0.0/16)")
                .doesNotContain("same size");
        assertThat(errors("cidr", null, null, "10.80.0.0/16", "10.90.0.0/24")).contains("to: A block moves to a block"
                + " of the same size");
        assertThat(errors("cidr", null, null, "staging.example.com", "10.90.0.0")).contains("from: 'staging.example.com'"
                + " is not a block").contains("to: '10.90.0.0' is not a block");
    }

    @Test
    void noMappingAtAllIsAnError() {
        assertThat(MappingRules.errors(null)).extracting(FieldError::field).containsExactly("kind");
    }
}
