package dev.tablecloud.module;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's DDL, created as an install creates it in a real PostgreSQL, agrees with the
 * declaration of each of its tables, column by column: the same columns with the same types, the
 * declared primary key, and a foreign key to the declared table behind each foreign key column.
 * A column added to the DDL and not declared (or the other way round) fails here, not at a user's
 * commit.
 */
class ModuleDeclarationsIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void installEveryModule() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("create role tc_engine; create role tc_user");
        }
        Flyway.configure(ModuleDeclarationsIT.class.getClassLoader())
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/environment")
                .table("iasql_platform_version")
                .placeholders(Map.of("engine_role", "tc_engine", "engine_role_name", "tc_engine", "user_role", "tc_user"))
                .load().migrate();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            ModuleInstaller installer = new ModuleInstaller(c, "tc_user");
            for (ModuleDefinition module : ModuleCatalog.all()) {
                installer.create(installer.missingFor(module.name()), "us-east-1");
            }
            c.commit();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void everyTableHasTheDeclaredColumnsWithTheDeclaredTypes() throws SQLException {
        List<String> tables = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (ModuleDefinition module : ModuleCatalog.all()) {
                for (ResourceTable table : module.tables()) {
                    tables.add(table.name());
                    softly.assertThat(columnsInDatabase(c, table.name()))
                            .as("columns and types of " + module.name() + "." + table.name()
                                    + " (expected: the declaration; but was: the DDL)")
                            .isEqualTo(declared(table));
                }
            }
        }
        softly.assertAll();
        assertThat(tables).contains("vpc", "route", "bucket", "resource_record_set", "aws_regions");
    }

    @Test
    void everyTableHasTheDeclaredPrimaryKeyAndForeignKeys() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (ModuleDefinition module : ModuleCatalog.all()) {
                for (ResourceTable table : module.tables()) {
                    Map<String, Set<String>> references = foreignKeys(c, table.name());
                    table.parentColumns().forEach((column, parent) -> assertThat(references.get(column))
                            .as(table.name() + "." + column + " references " + parent)
                            .contains(parent));
                    // Every region column names one of the account's regions; aws_regions is that list.
                    if (table.declaredColumns().containsKey("region") && !table.rowIdColumn().equals("region")) {
                        assertThat(references.get("region")).as(table.name() + ".region").contains("aws_regions");
                    }
                    if (!table.name().equals("availability_zone")) {
                        assertThat(primaryKey(c, table.name())).as("primary key of " + table.name())
                                .containsExactly(table.rowIdColumn());
                    }
                }
            }
        }
    }

    /** What the declaration says the table holds, in the database's names of types. */
    private static Map<String, String> declared(ResourceTable table) {
        Map<String, String> columns = new TreeMap<>();
        table.declaredColumns().forEach((name, type) -> columns.put(name, udtName(type)));
        return columns;
    }

    private static String udtName(String type) {
        return switch (type) {
            case "integer", "serial" -> "int4";
            case "boolean" -> "bool";
            default -> type;
        };
    }

    private static Map<String, String> columnsInDatabase(Connection c, String table) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (PreparedStatement query = c.prepareStatement("select column_name, udt_name from information_schema.columns"
                + " where table_schema = 'public' and table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return columns;
    }

    /** Each column of the table's foreign keys, to the tables they reference. */
    private static Map<String, Set<String>> foreignKeys(Connection c, String table) throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        try (PreparedStatement query = c.prepareStatement("""
                select a.attname, con.confrelid::regclass::text
                from pg_constraint con
                join unnest(con.conkey) as k(attnum) on true
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                where con.contype = 'f' and con.conrelid = ?::regclass""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    references.computeIfAbsent(rows.getString(1), k -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        return references;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ?::regclass and i.indisprimary""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
