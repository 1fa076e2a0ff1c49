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

import java.sql.Connection;
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

    /** Work done on the database before the sync's writes, in the same transaction. */
    @FunctionalInterface
    public interface DatabaseStep {
        void apply(Connection engine) throws SQLException;
    }

    public SyncReport sync(String environmentName) {
        access.require(environmentName, Role.AUTHOR, "sync the environment");
        return sync(environmentName, List.of(),
                engine -> OpenTransactions.refuse(engine, environmentName, "sync"));
    }

    /**
     * Reads the cloud for the installed modules plus {@code addedModules}, then, in one database
     * transaction, runs {@code before} (e.g. creating the added modules' tables) and writes what
     * was read. A cloud failure leaves the database untouched.
     */
    public SyncReport sync(String environmentName, List<String> addedModules, DatabaseStep before) {
        return sync(environmentName, addedModules, SyncScope.everything(), before);
    }

    /**
     * Reads and writes only what the scope covers, as the sync that ends a commit does: see
     * {@link SyncScope}. A cloud failure leaves the database untouched.
     */
    public SyncReport sync(String environmentName, SyncScope scope) {
        return sync(environmentName, List.of(), scope, engine -> { });
    }

    private SyncReport sync(String environmentName, List<String> addedModules, SyncScope scope, DatabaseStep before) {
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
