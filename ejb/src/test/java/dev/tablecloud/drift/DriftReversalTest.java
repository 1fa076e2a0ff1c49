package dev.tablecloud.drift;

import dev.tablecloud.module.JsonDocuments;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DriftReversalTest {

    private static final ResourceTable VPC = table("vpc");
    private static final ResourceTable SUBNET = table("subnet");
    private static final String PAYMENTS = "{\"id\": 7, \"vpc_id\": \"vpc-1\", \"cidr_block\": \"10.0.0.0/16\","
            + " \"state\": \"available\", \"is_default\": false, \"tags\": {\"Name\": \"payments\"}, \"region\": \"us-east-1\"}";
    private static final String RETAGGED = PAYMENTS.replace("payments", "billing");
    private static final String APP = "{\"id\": 3, \"subnet_id\": \"subnet-1\", \"vpc_id\": 7, \"cidr_block\": \"10.0.1.0/24\","
            + " \"state\": \"available\", \"available_ip_address_count\": 251, \"tags\": {\"Name\": \"app\"},"
            + " \"region\": \"us-east-1\"}";

    @Test
    void aRowTheCloudChangedGetsBackTheOldValuesOfTheColumnsUsersSetOnly() {
        String retaggedAndPending = RETAGGED.replace("available", "pending");
        var outcome = of(VPC, "billing", drift(10, PAYMENTS, retaggedAndPending));

        assertThat(outcome).isInstanceOf(DriftReversal.Step.class);
        DriftReversal.Step step = (DriftReversal.Step) outcome;
        assertThat(step.kind()).isEqualTo(DriftReversal.UPDATE);
        assertThat(step.columns()).as("state is the cloud's to set").containsExactly("tags");
        assertThat(step.before().getJsonObject("tags").getString("Name")).isEqualTo("payments");
        assertThat(step.describe()).isEqualTo("update vpc 'billing': tags");
    }

    @Test
    void aRowThatAppearedIsDeletedAndOneThatVanishedIsInsertedAgain() {
        var appeared = (DriftReversal.Step) of(VPC, "payments", drift(10, null, PAYMENTS));
        assertThat(appeared.kind()).isEqualTo(DriftReversal.DELETE);
        assertThat(appeared.current().getString("vpc_id")).isEqualTo("vpc-1");

        var vanished = (DriftReversal.Step) of(SUBNET, "app", drift(11, APP, null));
        assertThat(vanished.kind()).isEqualTo(DriftReversal.INSERT);
        assertThat(vanished.describe()).isEqualTo("insert subnet 'app'");
        assertThat(SUBNET.setByUsers("subnet_id")).as("the commit creates the subnet anew").isFalse();
        assertThat(SUBNET.setByUsers("id")).isFalse();
        assertThat(SUBNET.setByUsers("state")).isFalse();
        assertThat(SUBNET.setByUsers("cidr_block")).isTrue();
        assertThat(SUBNET.setByUsers("vpc_id")).as("its parent's row").isTrue();
        assertThat(DriftReversal.recognisable(SUBNET, obj(APP)).keySet()).as("what finds it once it is back")
                .containsExactlyInAnyOrder("cidr_block", "tags", "region");
    }

    @Test
    void aRowChangedAgainSinceTheDriftIsSupersededAndSaysByWhom() {
        var outcome = of(VPC, "billing", drift(10, PAYMENTS, RETAGGED),
                new DriftReversal.Entry(15, obj(RETAGGED), obj(RETAGGED.replace("billing", "ledger")), false, "UPDATE",
                        "alice"));

        assertThat(outcome).isInstanceOf(DriftReversal.Superseded.class);
        assertThat(((DriftReversal.Superseded) outcome).describe())
                .isEqualTo("vpc 'billing' changed again since the drift (audit 15, UPDATE by alice)");
    }

    @Test
    void aRevertRolledBackLeavesTheDriftToRevertAndOneCommittedDoesNot() {
        var put = new DriftReversal.Entry(11, obj(RETAGGED), obj(PAYMENTS), false, "UPDATE", "alice");
        var undone = new DriftReversal.Entry(12, obj(PAYMENTS), obj(RETAGGED), false, "SYNC", "engine");
        assertThat(of(VPC, "billing", drift(10, PAYMENTS, RETAGGED), put, undone))
                .isInstanceOf(DriftReversal.Step.class);
        assertThat(of(VPC, "billing", drift(10, PAYMENTS, RETAGGED), put)).isInstanceOf(DriftReversal.Superseded.class);

        // A subnet that appeared, deleted by a revert rolled back: the sync puts it back as a new row.
        var deleted = new DriftReversal.Entry(11, obj(APP), null, false, "DELETE", "alice");
        var back = new DriftReversal.Entry(12, null, obj(APP.replace("\"id\": 3", "\"id\": 4")
                .replace("\"vpc_id\": 7", "\"vpc_id\": 8")), false, "SYNC", "engine");
        var again = (DriftReversal.Step) of(SUBNET, "app", drift(10, null, APP), deleted, back);
        assertThat(again.kind()).isEqualTo(DriftReversal.DELETE);
        assertThat(again.current().getInt("id")).isEqualTo(4);
    }

    @Test
    void aPersonsChangeBetweenTwoDriftsIsKeptAndRefusedWhenTheEarlierDriftIsChosen() {
        String ledger = RETAGGED.replace("billing", "ledger");
        String journal = RETAGGED.replace("billing", "journal");
        var entries = new DriftReversal.Entry[]{drift(10, PAYMENTS, RETAGGED),
                new DriftReversal.Entry(11, obj(RETAGGED), obj(ledger), false, "UPDATE", "alice"),
                drift(20, ledger, journal)};

        var all = (DriftReversal.Step) of(VPC, "journal", entries);
        assertThat(all.before().getJsonObject("tags").getString("Name")).as("alice's change stays").isEqualTo("ledger");
        var first = DriftReversal.of(new DriftReversal.RowHistory(VPC, "journal", List.of(entries), Set.of(10L)), true);
        assertThat(((DriftReversal.Superseded) first).describe()).contains("audit 11, UPDATE by alice");
    }

    @Test
    void driftAfterDriftGoesBackToBeforeTheFirstAndWhatCameAndWentNeedsNothing() {
        String ledger = RETAGGED.replace("billing", "ledger");
        var twice = (DriftReversal.Step) of(VPC, "billing", drift(10, PAYMENTS, RETAGGED),
                drift(20, RETAGGED, ledger));
        assertThat(twice.before().getJsonObject("tags").getString("Name")).isEqualTo("payments");
        assertThat(twice.current().getJsonObject("tags").getString("Name")).isEqualTo("ledger");

        assertThat(of(VPC, "payments", drift(10, null, PAYMENTS), drift(20, PAYMENTS, null)))
                .isInstanceOf(DriftReversal.Unchanged.class);
        assertThat(of(SUBNET, "app", drift(10, APP, APP.replace("251", "250"))))
                .as("only a count the cloud keeps changed").isInstanceOf(DriftReversal.Unchanged.class);
    }

    @Test
    void deletesGoChildrenFirstInsertsParentsFirstThenUpdates() {
        var vpcGone = (DriftReversal.Step) of(VPC, "payments", drift(1, PAYMENTS, null));
        var subnetGone = (DriftReversal.Step) of(SUBNET, "app", drift(2, APP, null));
        var vpcMade = (DriftReversal.Step) of(VPC, "billing", drift(3, null, RETAGGED));
        var subnetMade = (DriftReversal.Step) of(SUBNET, "app", drift(4, null, APP));
        var retagged = (DriftReversal.Step) of(VPC, "billing", drift(5, PAYMENTS, RETAGGED));
        List<String> order = ModuleCatalog.tablesInDependencyOrder(List.of("aws_vpc")).stream()
                .map(ResourceTable::name).toList();

        assertThat(DriftReversal.ordered(List.of(retagged, vpcGone, vpcMade, subnetGone, subnetMade), order))
                .containsExactly(subnetMade, vpcMade, vpcGone, subnetGone, retagged);
    }

    /** Every drift entry chosen, as when all drift is reverted. */
    private static DriftReversal.Outcome of(ResourceTable table, String name, DriftReversal.Entry... entries) {
        return DriftReversal.of(history(table, name, entries), false);
    }

    private static DriftReversal.RowHistory history(ResourceTable table, String name, DriftReversal.Entry... entries) {
        return new DriftReversal.RowHistory(table, name, List.of(entries), java.util.Arrays.stream(entries)
                .filter(DriftReversal.Entry::drift).map(DriftReversal.Entry::position)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static DriftReversal.Entry drift(long position, String old, String now) {
        return new DriftReversal.Entry(position, old == null ? null : obj(old), now == null ? null : obj(now), true,
                "SYNC", "engine");
    }

    private static JsonObject obj(String json) {
        return JsonDocuments.parseObject(json);
    }

    private static ResourceTable table(String name) {
        return ModuleCatalog.tablesInDependencyOrder(List.of("aws_vpc")).stream()
                .filter(table -> table.name().equals(name)).findFirst().orElseThrow();
    }
}
