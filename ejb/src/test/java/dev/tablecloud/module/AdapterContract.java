package dev.tablecloud.module;

import dev.tablecloud.aws.AwsSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter contract of DESIGN §3, checked against a real (emulated) cloud: what a create makes,
 * a read returns equal to the row; an update makes the resource equal to the changed row; a delete
 * makes it gone, and repeating it is harmless; an interrupted create is found by the row's identity.
 */
public final class AdapterContract {

    private final AwsSession aws;
    private final ResourceTable table;

    public AdapterContract(AwsSession aws, ResourceTable table) {
        this.aws = aws;
        this.table = table;
    }

    public static DesiredResource row(String table, String rowId, String region, Map<String, Object> values,
                                      Map<String, String> parents) {
        return new DesiredResource(table, rowId, null, region, values, parents, "test/" + table + "/" + rowId);
    }

    /** The same row after its create: it now holds its cloud id, and users changed some values. */
    public static DesiredResource changed(DesiredResource row, CloudResource created, Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(row.values());
        values.putAll(changes);
        return new DesiredResource(row.table(), row.rowId(), created.cloudId(), row.region(), values,
                row.parentCloudIds(), row.identity());
    }

    public CloudResource createsWhatReadReturns(DesiredResource row) {
        CloudResource created = table.writes().writer().create(aws, row);
        assertThat(created.cloudId()).as("cloud id of the created " + table.name()).isNotBlank();
        CloudResource read = readBack(row.region(), created.cloudId());
        assertThat(table.differingColumns(row, read)).as("columns where the read differs from the row").isEmpty();
        Optional<CloudResource> found = table.writes().writer().findCreated(aws, row);
        assertThat(found).as("the create found again by the row's identity").isPresent();
        assertThat(found.get().cloudId()).isEqualTo(created.cloudId());
        DesiredResource stranger = new DesiredResource(row.table(), row.rowId() + "0", null, row.region(),
                row.values(), row.parentCloudIds(), row.identity() + "-other");
        assertThat(table.writes().writer().findCreated(aws, stranger)).as("another row's identity").isEmpty();
        return read;
    }

    /** Checks that the change is seen as the given columns, updatable in place, and applied. */
    public CloudResource updatesInPlace(DesiredResource changedRow, CloudResource current, String... changedColumns) {
        List<String> differing = table.differingColumns(changedRow, current);
        assertThat(differing).as("columns seen as changed").containsExactlyInAnyOrder(changedColumns);
        assertThat(table.needsReplace(differing)).as("needs replace").isFalse();
        table.writes().updater().update(aws, changedRow, current);
        CloudResource read = readBack(changedRow.region(), current.cloudId());
        assertThat(table.differingColumns(changedRow, read)).as("columns still differing after update").isEmpty();
        return read;
    }

    public void needsReplaceFor(DesiredResource changedRow, CloudResource current) {
        assertThat(table.needsReplace(table.differingColumns(changedRow, current))).as("needs replace").isTrue();
    }

    public void deletesForGood(CloudResource current) {
        table.writes().writer().delete(aws, current);
        assertThat(table.reader().readAll(aws, current.region()))
                .extracting(CloudResource::cloudId).doesNotContain(current.cloudId());
        table.writes().writer().delete(aws, current);
    }

    public CloudResource readBack(String region, String cloudId) {
        CloudResource read = table.reader().readAll(aws, region).stream()
                .filter(resource -> resource.cloudId().equals(cloudId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table.name() + " " + cloudId + " is not read back"));
        // A read may carry facts that are no column (a route table's main flag, which the sync uses):
        // its parents, though, are foreign keys, and must be the declared ones.
        read.parents().forEach((column, parent) -> assertThat(parent.table())
                .as(table.name() + "." + column + ": a declared foreign key, to the table the adapter reads")
                .isEqualTo(table.parentColumns().get(column)));
        return read;
    }
}
