package dev.tablecloud.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A module: its tables in dependency order and the modules it needs. Its DDL is the resource
 * {@code <name>.sql} beside this class; {@code functions} are the SQL functions that DDL creates
 * besides tables, dropped on uninstall.
 */
public record ModuleDefinition(String name, String version, List<String> dependencies, List<ResourceTable> tables,
                               List<String> functions) {

    public ModuleDefinition(String name, String version, List<String> dependencies, List<ResourceTable> tables) {
        this(name, version, dependencies, tables, List.of());
    }

    /** The module's table of that name. */
    public ResourceTable table(String tableName) {
        return tables.stream().filter(table -> table.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Module " + name + " has no table " + tableName));
    }

    public String ddl() {
        try (InputStream in = ModuleDefinition.class.getResourceAsStream(name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("The DDL of module " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
