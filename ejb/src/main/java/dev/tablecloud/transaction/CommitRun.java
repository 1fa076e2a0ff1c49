package dev.tablecloud.transaction;

import dev.tablecloud.secret.Digests;
import dev.tablecloud.apply.ApplyListener;
import dev.tablecloud.apply.ApplyResult;
import dev.tablecloud.apply.PlanExecutor;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.module.CloudResource;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleRegistry;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.plan.Action;
import dev.tablecloud.plan.CloudIds;
import dev.tablecloud.plan.Plan;
import dev.tablecloud.plan.PlanStep;
import dev.tablecloud.plan.Planner;
import dev.tablecloud.plan.RowRef;
import dev.tablecloud.plan.TableChanges;
import dev.tablecloud.sync.CloudReads;
import dev.tablecloud.sync.SyncScope;
import dev.tablecloud.envdb.ActorSignature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The part of a preview and a commit that works on one environment: the steps in the order they
 * run, each in a small method.
 */
final class CommitRun {

    private final Connection engine;
    private final AwsSession aws;
    private final ExecutorService executor;
    private final String environment;
    private final String defaultRegion;
    private final Map<String, ResourceTable> tables = new LinkedHashMap<>();
    private final TransactionRows rows;
    /** Parents' cloud ids, looked up once for the plan and the apply. */
    private final CloudIds cloudIds;
    /** What the transaction did, as the last plan found it. */
    private List<TableChanges> changes = List.of();

    CommitRun(Connection engine, AwsSession aws, ExecutorService executor, String environment, String defaultRegion)
            throws SQLException {
        this.engine = engine;
        this.aws = aws;
        this.executor = executor;
        this.environment = environment;
        this.defaultRegion = defaultRegion;
        ModuleCatalog.tablesInDependencyOrder(ModuleRegistry.installed(engine))
                .forEach(table -> tables.put(table.name(), table));
        this.rows = new TransactionRows(engine, defaultRegion);
        this.cloudIds = rows.cloudIds(tables);
    }

    /**
     * The plan of the transaction now: what its rows ask for against what the cloud holds, reading
     * only the resource types the transaction touched. A plan that makes a resource anew is made
     * again with the rows that point at it, which move with it, until no more are to move.
     */
    Plan plan(long transactionId) throws SQLException {
        List<ResourceTable> inOrder = List.copyOf(tables.values());
        changes = rows.changes(transactionId, inOrder);
        while (true) {
            Map<String, List<CloudResource>> cloud = new CloudReads(aws, executor).readFor(changes, defaultRegion);
            Plan plan = Planner.plan(changes, cloud, cloudIds);
            List<TableChanges> withChildren = rows.withMovingChildren(changes, Planner.madeAnew(plan), inOrder);
            if (withChildren == changes) {
                return plan;
            }
            changes = withChildren;
        }
    }

    /** Carries the plan out; on failure the executor has undone what it could. */
    ApplyResult apply(Plan plan, int parallelism, boolean recovering, ApplyListener listener) throws SQLException {
        return new PlanExecutor(parallelism, executor).apply(aws, plan, tables, cloudIds, identityPrefix(), recovering,
                listener);
    }

    /**
     * Writes the new cloud ids into the rows that got resources, as engine changes of the
     * transaction: the sync that follows matches rows to resources by them and fills the rest.
     * One statement per table, since a commit of hundreds of resources would otherwise wait for as
     * many round trips to the database.
     */
    void writeBack(long transactionId, ApplyResult result) throws SQLException {
        engine.setAutoCommit(false);
        try (Statement settings = engine.createStatement()) {
            settings.execute("select set_config('tablecloud.change_type', 'APPLY', true),"
                    + " set_config('tablecloud.transaction_id', '" + transactionId + "', true)");
            Map<String, Map<String, String>> cloudIdsByRow = new LinkedHashMap<>();
            result.written().forEach((row, resource) -> cloudIdsByRow
                    .computeIfAbsent(row.table(), t -> new LinkedHashMap<>()).put(row.rowId(), resource.cloudId()));
            for (var written : cloudIdsByRow.entrySet()) {
                ResourceTable table = tables.get(written.getKey());
                if (!table.storesCloudId() || table.cloudIdColumn().equals(table.rowIdColumn())) {
                    continue;
                }
                try (PreparedStatement update = engine.prepareStatement("update " + table.name() + " set "
                        + table.cloudIdColumn() + " = written.cloud_id from unnest(?::text[], ?::text[])"
                        + " as written (row_id, cloud_id) where " + table.name() + "." + table.rowIdColumn()
                        + "::text = written.row_id and " + table.name() + "." + table.cloudIdColumn()
                        + " is distinct from written.cloud_id")) {
                    update.setArray(1, engine.createArrayOf("text", written.getValue().keySet().toArray()));
                    update.setArray(2, engine.createArrayOf("text", written.getValue().values().toArray()));
                    update.executeUpdate();
                }
            }
            engine.commit();
        } catch (SQLException | RuntimeException e) {
            engine.rollback();
            throw e;
        } finally {
            engine.setAutoCommit(true);
        }
    }

    /**
     * What the sync that ends the commit reads and writes: the resources of the rows the transaction
     * touched — as the apply answered for those it made or changed — and, below those it made or
     * removed, what the cloud made or removed with them.
     */
    SyncScope closingSync(Plan plan, ApplyResult result) {
        SyncScope.Builder scope = SyncScope.ofCommit();
        for (TableChanges change : changes) {
            change.touchedRows().forEach(row -> scope.touched(change.table(), row.cloudId(), row.region()));
            change.deletedRows().forEach(row -> scope.touched(change.table(), row.cloudId(), row.region()));
        }
        Map<RowRef, CloudResource> written = result.written();
        for (PlanStep step : plan.steps()) {
            ResourceTable table = tables.get(step.table());
            CloudResource after = written.get(step.ref());
            if (after != null) {
                scope.answered(table, after);
            }
            if (step.action() != Action.UPDATE) {
                if (step.current() != null) {
                    scope.madeOrRemoved(table, step.current().cloudId(), step.current().region());
                }
                if (after != null) {
                    scope.madeOrRemoved(table, after.cloudId(), after.region());
                }
            }
        }
        return scope.build();
    }

    /**
     * What makes a row's identity unique across environments that share an account, and across
     * databases recreated under the same name: the environment's name and its engine secret's hash.
     */
    private String identityPrefix() throws SQLException {
        return environment + "#" + Digests.sha256Hex(ActorSignature.secret(engine)).substring(0, 8);
    }
}
