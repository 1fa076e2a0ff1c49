package dev.tablecloud.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnChangesTest {

    @Test
    void anUpdateShowsOnlyTheColumnsItChanged() {
        assertThat(ColumnChanges.between(
                "{\"id\": 1, \"cidr_block\": \"10.0.0.0/16\", \"enable_dns_hostnames\": false, \"tags\": {\"Name\": \"app\"}}",
                "{\"id\": 1, \"cidr_block\": \"10.0.0.0/16\", \"enable_dns_hostnames\": true, \"tags\": {\"Name\": \"web\"}}"))
                .containsExactly(new ColumnChange("enable_dns_hostnames", "false", "true"),
                        new ColumnChange("tags", "{\"Name\":\"app\"}", "{\"Name\":\"web\"}"));
    }

    @Test
    void anInsertShowsItsSetColumnsAndADeleteAllItHad() {
        assertThat(ColumnChanges.between(null, "{\"id\": 4, \"vpc_id\": null, \"cidr_block\": \"10.1.0.0/24\"}"))
                .containsExactly(new ColumnChange("id", null, "4"), new ColumnChange("cidr_block", null, "10.1.0.0/24"));
        assertThat(ColumnChanges.between("{\"id\": 4, \"name\": \"logs\"}", null))
                .containsExactly(new ColumnChange("id", "4", null), new ColumnChange("name", "logs", null));
    }

    @Test
    void aColumnSetToNullOrToTheSameTextOfAnotherTypeIsAChange() {
        assertThat(ColumnChanges.between("{\"a\": \"x\", \"b\": \"1\"}", "{\"a\": null, \"b\": 1}"))
                .containsExactly(new ColumnChange("a", "x", null), new ColumnChange("b", "1", "1"));
    }

    @Test
    void aMarkerHasNoColumns() {
        assertThat(ColumnChanges.between(null, null)).isEmpty();
    }
}
