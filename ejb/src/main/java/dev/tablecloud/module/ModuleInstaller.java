package dev.tablecloud.module;

import dev.tablecloud.failure.ConflictException;
import dev.tablecloud.failure.NotFoundException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
                    continueRowIds(table);
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
        drop(List.of(name));
    }

    /**
     * Drops the modules' tables, dependents first, as {@code iasql_uninstall('aws_vpc',
     * 'aws_security_group', 'aws_ec2')} asks: a set that holds every installed module depending on
     * one of its members is dropped whole. An installed dependent outside the set refuses it all,
     * naming the dependent; so do a module that is not installed and the base module
     * ({@link UninstallRules}). Nothing is dropped then.
     */
    public void drop(List<String> names) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>(names);
        wanted.forEach(ModuleCatalog::get);
        List<String> installed = ModuleRegistry.installed(engine);
        for (String name : wanted) {
            if (!installed.contains(name)) {
                throw new NotFoundException("Module " + name + " is not installed.");
            }
        }
        for (String name : wanted) {
            Optional<String> refusal = UninstallRules.refusal(name, wanted, installed);
            if (refusal.isPresent()) {
                throw new ConflictException(refusal.get());
            }
        }
        // The catalog lists dependencies before dependents: its reverse drops dependents first.
        List<ModuleDefinition> dependentsFirst = new ArrayList<>(ModuleCatalog.all().stream()
                .filter(module -> wanted.contains(module.name())).toList());
        Collections.reverse(dependentsFirst);
        for (ModuleDefinition module : dependentsFirst) {
            dropOne(module);
        }
    }

    private void dropOne(ModuleDefinition module) throws SQLException {
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
            unregister.setString(1, module.name());
            unregister.executeUpdate();
        }
        mark("UNINSTALL", module.name());
    }

    /**
     * A table made again (a module uninstalled and installed again) numbers its rows after every row
     * it ever held, as the audit log remembers them. A row id is part of the identity that a create
     * tags its resource with and looks for before making one (an instance is adopted, not launched
     * twice): a new row 1 with the identity of an instance made for an earlier row 1 would adopt that
     * instance, which the import has already given a row of its own.
     */
    private void continueRowIds(ResourceTable table) throws SQLException {
        if (!table.rowIdColumn().equals("id")) {
            return;
        }
        try (PreparedStatement restart = engine.prepareStatement("select setval(sequence, used, true)"
                + " from (select pg_get_serial_sequence(?, 'id') as sequence,"
                + " max(greatest((old->>'id')::bigint, (new->>'id')::bigint)) as used"
                + " from iasql_audit_log where table_name = ?) as ids"
                + " where sequence is not null and used is not null")) {
            restart.setString(1, table.name());
            restart.setString(2, table.name());
            restart.execute();
        }
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
