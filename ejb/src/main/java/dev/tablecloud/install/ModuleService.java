package dev.tablecloud.install;

import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import dev.tablecloud.environment.EnvironmentService;
import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.envdb.OpenTransactions;
import dev.tablecloud.failure.ServerSetupException;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ModuleDefinition;
import dev.tablecloud.module.ModuleInstaller;
import dev.tablecloud.module.ModuleRegistry;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.module.UninstallRules;
import dev.tablecloud.sync.EnvironmentLock;
import dev.tablecloud.sync.SyncReport;
import dev.tablecloud.sync.SyncService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Installs, uninstalls and lists an environment's modules. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ModuleService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    @EJB
    SyncService sync;

    @EJB
    EnvironmentService environments;

    /** Installs the module and the modules it needs, and imports what the cloud already has. */
    public InstallReport install(String environmentName, String moduleName) {
        return install(environmentName, List.of(moduleName));
    }

    /**
     * Installs the modules and what they need in one go: one read of the cloud, one database
     * transaction, whatever the number of modules.
     */
    public InstallReport install(String environmentName, List<String> moduleNames) {
        access.require(environmentName, Role.AUTHOR, "install modules");
        moduleNames.forEach(ModuleCatalog::get);
        String userRole = databases.location(environmentName).userRole();
        String defaultRegion = environments.get(environmentName).awsDefaultRegion();
        Set<ModuleDefinition> missing = new LinkedHashSet<>();
        moduleNames.forEach(module -> missing.addAll(missingFor(environmentName, module)));
        List<String> added = missing.stream().map(ModuleDefinition::name).toList();
        // Checked again under the environment's lock: a concurrent install may have added some.
        SyncReport imported = sync.sync(environmentName, added, engine -> {
            OpenTransactions.refuse(engine, environmentName, "install modules");
            ModuleInstaller installer = new ModuleInstaller(engine, userRole);
            for (String module : moduleNames) {
                installer.create(installer.missingFor(module), defaultRegion);
            }
        });
        List<String> tables = missing.stream().flatMap(m -> m.tables().stream()).map(ResourceTable::name).toList();
        return new InstallReport(added, tables, imported);
    }

    /** Drops the module's tables; refuses while another installed module depends on it. */
    public void uninstall(String environmentName, String moduleName) {
        uninstall(environmentName, List.of(moduleName));
    }

    /**
     * Drops the modules' tables in one database transaction, dependents first; refuses them all
     * while a module outside the set depends on one of them, naming it.
     */
    public void uninstall(String environmentName, List<String> moduleNames) {
        access.require(environmentName, Role.AUTHOR, "uninstall modules");
        moduleNames.forEach(ModuleCatalog::get);
        String userRole = databases.location(environmentName).userRole();
        inTransaction(environmentName, engine -> {
            EnvironmentLock.hold(engine);
            OpenTransactions.refuse(engine, environmentName, "uninstall modules");
            new ModuleInstaller(engine, userRole).drop(moduleNames);
        });
    }

    /** Every module of the catalog, installed or not, each with why it cannot be uninstalled now, if so. */
    public List<ModuleStatus> list(String environmentName) {
        access.require(environmentName, Role.VIEWER, "list modules");
        try (Connection engine = databases.openAsEngine(environmentName)) {
            List<String> installed = ModuleRegistry.installed(engine);
            return ModuleCatalog.all().stream()
                    .map(m -> new ModuleStatus(m.name(), m.version(), m.dependencies(), installed.contains(m.name()),
                            UninstallRules.refusal(m.name(), List.of(m.name()), installed).orElse(null)))
                    .toList();
        } catch (SQLException e) {
            throw unreachable(environmentName, e);
        }
    }

    private List<ModuleDefinition> missingFor(String environmentName, String moduleName) {
        try (Connection engine = databases.openAsEngine(environmentName)) {
            return new ModuleInstaller(engine, null).missingFor(moduleName);
        } catch (SQLException e) {
            throw unreachable(environmentName, e);
        }
    }

    private void inTransaction(String environmentName, SyncService.DatabaseStep step) {
        try (Connection engine = databases.openAsEngine(environmentName)) {
            engine.setAutoCommit(false);
            try {
                step.apply(engine);
                engine.commit();
            } catch (SQLException | RuntimeException e) {
                engine.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unreachable(environmentName, e);
        }
    }

    private static ServerSetupException unreachable(String environmentName, SQLException e) {
        return new ServerSetupException("The database of environment '" + environmentName + "' failed: "
                + e.getMessage(), e);
    }
}
