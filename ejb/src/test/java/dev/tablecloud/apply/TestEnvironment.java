package dev.tablecloud.apply;

import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.CloudWrites;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.Planner;
import dev.tablecloud.plan.RowRef;
import dev.tablecloud.plan.RowState;
import dev.tablecloud.plan.TableChanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an environment database would hold for a test: rows, the ones the open transaction touched
 * or deleted, and the cloud ids a commit writes back. The engine's session beans do this with SQL.
 */
final class TestEnvironment {

    static final String REGION = "us-east-1";
    static final List<ResourceTable> TABLES = ModuleCatalog.tablesInDependencyOrder(
            List.of("aws_vpc", "aws_security_group", "aws_ec2", "aws_route53"));
    static final Map<String, ResourceTable> TABLES_BY_NAME = TABLES.stream()
            .collect(Collectors.toMap(ResourceTable::name, Function.identity()));

    private final Map<RowRef, RowState> rows = new LinkedHashMap<>();
    private final Set<RowRef> touched = new LinkedHashSet<>();
    private final List<RowState> deleted = new ArrayList<>();

    RowRef insert(String table, String rowId, Map<String, Object> values, Map<String, RowRef> parents) {
        RowRef ref = new RowRef(table, rowId);
        rows.put(ref, new RowState(table, rowId, null, REGION, values, parents));
        touched.add(ref);
        return ref;
    }

    /** A row a sync brought in from the cloud, outside any transaction. */
    RowRef synced(String table, String rowId, String cloudId, Map<String, Object> values, Map<String, RowRef> parents) {
        RowRef ref = new RowRef(table, rowId);
        rows.put(ref, new RowState(table, rowId, cloudId, REGION, values, parents));
        return ref;
    }

    /** Every row, each as it was before the delete: a link's derived id too, which needs its parents. */
    void deleteAll() {
        rows.keySet().stream().map(this::state).toList().forEach(deleted::add);
        rows.clear();
        touched.clear();
    }

    /** The row's cloud id; for a link table, derived from its parents' as the table's SQL does. */
    String cloudId(RowRef ref) {
        RowState row = rows.get(ref);
        if (row == null) {
            return null;
        }
        if (TABLES_BY_NAME.get(ref.table()).storesCloudId()) {
            return row.cloudId();
        }
        if (ref.table().equals("resource_record_set")) {
            String zone = cloudId(row.parents().get("parent_hosted_zone_id"));
            return zone == null ? null : zone + "|" + row.values().get("name") + "|" + row.values().get("record_type");
        }
        String instance = cloudId(row.parents().get("instance_id"));
        String group = cloudId(row.parents().get("security_group_id"));
        return instance == null || group == null ? null : instance + "/" + group;
    }

    private RowState state(RowRef ref) {
        RowState row = rows.get(ref);
        return new RowState(row.table(), row.rowId(), cloudId(ref), row.region(), row.values(), row.parents(),
                links(ref));
    }

    /** The rows the link tables that the row's create makes tie it to, as the engine reads them. */
    private Map<String, List<RowRef>> links(RowRef ref) {
        CloudWrites writes = TABLES_BY_NAME.get(ref.table()).writes();
        Map<String, List<RowRef>> links = new HashMap<>();
        if (writes != null) {
            writes.createdWithLinks().forEach((linkTable, columns) -> links.put(linkTable, rows.values().stream()
                    .filter(link -> link.table().equals(linkTable))
                    .filter(link -> ref.equals(link.parents().get(columns.toCreated())))
                    .map(link -> link.parents().get(columns.toLinked()))
                    .toList()));
        }
        return links;
    }

    /**
     * The plan of the open transaction against the cloud as it is now; as the engine does, the rows
     * pointing at a row the plan makes anew are touched too, and the plan made again.
     */
    Plan plan(AwsSession aws) {
        while (true) {
            Plan plan = planTouched(aws);
            Set<RowRef> anew = Planner.madeAnew(plan);
            List<RowRef> children = rows.values().stream()
                    .filter(row -> !touched.contains(row.ref()))
                    .filter(row -> row.parents().values().stream().anyMatch(parent -> anew.contains(parent)
                            && !TABLES_BY_NAME.get(parent.table()).writes().createdWithLinks().containsKey(row.table())))
                    .map(RowState::ref).toList();
            if (children.isEmpty()) {
                return plan;
            }
            touched.addAll(children);
        }
    }

    /**
     * A row changed by the open transaction: its values replaced by {@code values}. A row whose cloud
     * id is derived from what changed (a record set renamed) stands for another resource now: its old
     * state is given as deleted too, as the engine reads it from the audit log.
     */
    void update(RowRef ref, Map<String, Object> values) {
        RowState row = rows.get(ref);
        if (!TABLES_BY_NAME.get(ref.table()).storesCloudId()) {
            deleted.add(state(ref));
        }
        Map<String, Object> changed = new HashMap<>(row.values());
        changed.putAll(values);
        rows.put(ref, new RowState(row.table(), row.rowId(), row.cloudId(), row.region(), changed, row.parents()));
        touched.add(ref);
    }

    private Plan planTouched(AwsSession aws) {
        List<TableChanges> changes = new ArrayList<>();
        Map<String, List<CloudResource>> cloud = new HashMap<>();
        for (ResourceTable table : TABLES) {
            List<RowState> touchedRows = touched.stream().filter(ref -> ref.table().equals(table.name()))
                    .map(this::state).toList();
            List<RowState> deletedRows = deleted.stream().filter(row -> row.table().equals(table.name())).toList();
            if (!touchedRows.isEmpty() || !deletedRows.isEmpty()) {
                changes.add(new TableChanges(table, touchedRows, deletedRows));
                cloud.put(table.name(), table.reader().readAll(aws, REGION));
            }
        }
        return Planner.plan(changes, cloud, this::cloudId);
    }

    /** What a successful commit does to the rows: the cloud ids written back, the transaction ended. */
    void commit(ApplyResult result) {
        result.written().forEach((ref, resource) -> {
            RowState row = rows.get(ref);
            if (row != null && TABLES_BY_NAME.get(ref.table()).storesCloudId()) {
                rows.put(ref, new RowState(row.table(), row.rowId(), resource.cloudId(), row.region(), row.values(),
                        row.parents()));
            }
        });
        touched.clear();
        deleted.clear();
    }

    /** Every row touched again, as if each were updated to what it already says. */
    void touchAll() {
        touched.addAll(rows.keySet());
    }
}
