package dev.tablecloud.sync;

import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.cloud.ConnectionService;
import dev.tablecloud.aws.AwsSession;
import dev.tablecloud.environment.EnvironmentData;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.envdb.OpenTransactions;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleRegistry;
import dev.tablecloud.module.ResourceTable;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Syncs an environment's tables from its cloud account. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncService {

    @EJB
    Access access;

    @EJB
    EnvironmentService environments;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    ConnectionService connections;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<SyncFinished> finished;

    /** Work done on the database before the sync's writes, in the same transaction. */
    @FunctionalInterface
    public interface DatabaseStep {
        void apply(Connection engine) throws SQLException;
    }

    /** A person's "sync now", outside any transaction: what it changes is drift, and is announced as such. */
    public SyncReport sync(String environmentName) {
        String actor = access.require(environmentName, Role.AUTHOR, "sync the environment");
        return outsideTransactions(environmentName, actor);
    }

    /**
     * The drift job's sync, for no signed-in user: refused while a transaction is open (its rows
     * differ from the cloud on purpose); what it changes is announced as drift.
     */
    public SyncReport driftSync(String environmentName) {
        return outsideTransactions(environmentName, SyncFinished.SCHEDULE);
    }

    private SyncReport outsideTransactions(String environmentName, String actor) {
        long[] positions = new long[2];
        SyncReport report = sync(environmentName, List.of(), SyncScope.everything(), engine -> {
            OpenTransactions.refuse(engine, environmentName, "sync");
            positions[0] = lastAuditId(engine);
        }, engine -> positions[1] = lastAuditId(engine));
        if (positions[1] > positions[0]) {
            finished.fire(new SyncFinished(environmentName, actor, positions[0], positions[1], report));
        }
        return report;
    }

    private static long lastAuditId(Connection engine) throws SQLException {
        try (Statement sql = engine.createStatement();
             ResultSet last = sql.executeQuery("select coalesce(max(id), 0) from iasql_audit_log")) {
            last.next();
            return last.getLong(1);
        }
    }

    /**
     * Reads the cloud for the installed modules plus {@code addedModules}, then, in one database
     * transaction, runs {@code before} (e.g. creating the added modules' tables) and writes what
     * was read. A cloud failure leaves the database untouched.
     */
    public SyncReport sync(String environmentName, List<String> addedModules, DatabaseStep before) {
        return sync(environmentName, addedModules, SyncScope.everything(), before, engine -> { });
    }

    /**
     * Reads and writes only what the scope covers, as the sync that ends a commit does: see
     * {@link SyncScope}. A cloud failure leaves the database untouched.
     */
    public SyncReport sync(String environmentName, SyncScope scope) {
        return sync(environmentName, List.of(), scope, engine -> { }, engine -> { });
    }

    private SyncReport sync(String environmentName, List<String> addedModules, SyncScope scope, DatabaseStep before,
                            DatabaseStep after) {
        long started = System.nanoTime();
        EnvironmentData environment = environments.lookup(environmentName);
        try (Connection engine = databases.openAsEngine(environmentName);
             AwsSession aws = new AwsSession(connections.connectionFor(environmentName), executor)) {
            List<String> modules = new ArrayList<>(ModuleRegistry.installed(engine));
            addedModules.stream().filter(m -> !modules.contains(m)).forEach(modules::add);
            List<ResourceTable> installed = ModuleCatalog.tablesInDependencyOrder(modules);
            List<ResourceTable> tables = scope.tables(installed);
            List<String> enabled = ModuleRegistry.enabledRegions(engine);
            List<String> regions = scope.regions(enabled.isEmpty() ? List.of(environment.awsDefaultRegion()) : enabled);
            CloudSnapshot snapshot = new CloudReads(aws, executor).read(tables, regions,
                    environment.awsDefaultRegion(), scope::detailed);
            engine.setAutoCommit(false);
            try {
                EnvironmentLock.hold(engine);
                before.apply(engine);
                SyncReport report = SyncWrite.apply(engine, tables, installed, snapshot, scope, started);
                after.apply(engine);
                engine.commit();
                return report;
            } catch (SQLException | RuntimeException e) {
                engine.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ServerSetupException("Writing to the database of environment '" + environmentName
                    + "' failed: " + e.getMessage(), e);
        }
    }
}
