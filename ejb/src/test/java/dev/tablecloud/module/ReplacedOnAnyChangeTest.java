package dev.tablecloud.module;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kinds AWS changes nothing of after their create: every change is a replace, and there is no update. */
class ReplacedOnAnyChangeTest {

    private static final List<String> REPLACED_ONLY = List.of("subnet", "key_pair", "instance_security_groups",
            "security_group");

    private static ResourceTable table(String name) {
        return ModuleCatalog.all().stream().flatMap(module -> module.tables().stream())
                .filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theirWritersHaveNoUpdateAndAskingForOneFails() {
        for (String name : REPLACED_ONLY) {
            CloudWrites writes = table(name).writes();
            assertThat(writes.changesInPlace()).as(name).isFalse();
            assertThat(writes.writer()).as(name).isNotInstanceOf(CloudUpdater.class);
            assertThatThrownBy(writes::updater).as(name).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anyChangeOfSuchAKindIsAReplaceEvenOfAColumnNoListNames() {
        assertThat(table("subnet").needsReplace(List.of("a_column_added_later"))).isTrue();
        assertThat(table("key_pair").needsReplace(List.of("public_key"))).isTrue();
        assertThat(table("subnet").needsReplace(List.of())).isFalse();
        assertThat(table("vpc").needsReplace(List.of("tags"))).as("a VPC's tags change in place").isFalse();
    }

    @Test
    void theColumnsShownAsReplacingAreEveryColumnUsersSet() {
        assertThat(table("subnet").replacedOn()).containsExactlyInAnyOrder("availability_zone", "cidr_block",
                "vpc_id");
        assertThat(table("security_group").replacedOn()).containsExactlyInAnyOrder("group_name", "description",
                "vpc_id");
        assertThat(table("key_pair").replacedOn()).containsExactlyInAnyOrder("name", "public_key");
        assertThat(table("instance_security_groups").replacedOn()).containsExactlyInAnyOrder("instance_id",
                "security_group_id");
    }

    @Test
    void aKindThatChangesInPlaceNeedsAnUpdater() {
        CloudWriter createOnly = table("subnet").writes().writer();
        assertThatThrownBy(() -> new CloudWrites(createOnly, java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
