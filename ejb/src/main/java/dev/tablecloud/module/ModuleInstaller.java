package dev.tablecloud.module;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.NotFoundException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates and drops module tables in an environment database, on the engine's connection and
 * inside the caller's transaction. Never touches the cloud.
 */
public final class ModuleInstaller {

    private final Connection engine;
    private final String userRole;

    /** @param userRole the restricted role that gets the privileges each table grants users */
    public ModuleInstaller(Connection engine, String userRole) {
        this.engine = engine;
        this.userRole = userRole;
    }

    /** The modules that installing {@code name} adds, dependencies first; empty when installed already. */
    public List<ModuleDefinition> missingFor(String name) throws SQLException {
        List<String> installed = ModuleRegistry.installed(engine);
        return ModuleCatalog.withDependencies(name).stream().filter(m -> !installed.contains(m.name())).toList();
    }

    /**
     * Creates the tables, grants and audit triggers of the modules and registers them.
     *
     * @param defaultRegion the region aws_regions starts with, enabled and default
     */
    public void create(List<ModuleDefinition> modules, String defaultRegion) throws SQLException {
        for (ModuleDefinition module : modules) {
            try (Statement sql = engine.createStatement()) {
                sql.execute(module.ddl());
                for (ResourceTable table : module.tables()) {
                    grantAndAudit(sql, table);
                }
            }
            register(module);
            if (module.name().equals("aws_account")) {
                try (PreparedStatement seed = engine.prepareStatement(
                        "insert into aws_regions (region, is_default, is_enabled) values (?, true, true)")) {
                    seed.setString(1, defaultRegion);
                    seed.executeUpdate();
                }
            }
        }
    }

    /** Drops the module's tables; refuses while an installed module depends on it. */
    public void drop(String name) throws SQLException {
        ModuleDefinition module = ModuleCatalog.get(name);
        List<String> installed = ModuleRegistry.installed(engine);
        if (!installed.contains(name)) {
            throw new NotFoundException("Module " + name + " is not installed.");
        }
        List<String> dependents = ModuleCatalog.dependentsAmong(name, installed);
        if (!dependents.isEmpty()) {
            throw new ConflictException("Module " + name + " cannot be uninstalled: " + String.join(", ", dependents)
                    + (dependents.size() == 1 ? " depends" : " depend") + " on it. Uninstall "
                    + (dependents.size() == 1 ? "it" : "them") + " first.");
        }
        List<ResourceTable> reversed = new ArrayList<>(module.tables());
        Collections.reverse(reversed);
        try (Statement sql = engine.createStatement()) {
            for (ResourceTable table : reversed) {
                sql.execute("drop table " + table.name());
            }
            for (String function : module.functions()) {
                sql.execute("drop function " + function);
            }
        }
        try (PreparedStatement unregister = engine.prepareStatement("delete from iasql_module where name = ?")) {
            unregister.setString(1, name);
            unregister.executeUpdate();
        }
        mark("UNINSTALL", name);
    }

    private void grantAndAudit(Statement sql, ResourceTable table) throws SQLException {
        if (!table.userPrivileges().isEmpty()) {
            sql.execute("grant " + String.join(", ", table.userPrivileges().stream().sorted().toList()) + " on "
                    + table.name() + " to " + SqlNames.quote(userRole));
            if (table.userPrivileges().contains("insert") && table.rowIdColumn().equals("id")) {
                sql.execute("grant usage on sequence " + table.name() + "_id_seq to " + SqlNames.quote(userRole));
            }
        }
        // Tables without a write half hold settings (aws_regions), not resources: no transaction needed.
        sql.execute("create trigger " + table.name() + "_audit after insert or update or delete on " + table.name()
                + " for each row execute function iasql_audit(" + (table.writes() == null ? "'unguarded'" : "") + ")");
    }

    private void register(ModuleDefinition module) throws SQLException {
        try (PreparedStatement insert = engine.prepareStatement(
                "insert into iasql_module (name, version, dependencies) values (?, ?, ?)")) {
            insert.setString(1, module.name());
            insert.setString(2, module.version());
            insert.setArray(3, engine.createArrayOf("text", module.dependencies().toArray()));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = engine.prepareStatement(
                "insert into iasql_tables (table_name, module) values (?, ?)")) {
            for (ResourceTable table : module.tables()) {
                insert.setString(1, table.name());
                insert.setString(2, module.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        mark("INSTALL", module.name());
    }

    private void mark(String changeType, String moduleName) throws SQLException {
        try (PreparedStatement insert = engine.prepareStatement("insert into iasql_audit_log (actor, origin, change_type,"
                + " new) values ('engine', 'engine', ?, jsonb_build_object('module', ?::text))")) {
            insert.setString(1, changeType);
            insert.setString(2, moduleName);
            insert.executeUpdate();
        }
    }
}
