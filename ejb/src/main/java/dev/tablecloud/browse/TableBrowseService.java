package dev.tablecloud.browse;

import dev.tablecloud.envdb.EnvironmentDatabases;
import dev.tablecloud.failure.NotFoundException;
import dev.tablecloud.module.ModuleCatalog;
import dev.tablecloud.module.ResourceTable;
import dev.tablecloud.security.Access;
import dev.tablecloud.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paged, sorted, filtered reads of an environment's resource tables, for the table browser. Reads
 * run as the environment's restricted role: a viewer sees what that role may read, nothing more.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TableBrowseService {

    @EJB
    Access access;

    @EJB
    EnvironmentDatabases databases;

    /** The installed modules' tables, by name. */
    public List<String> tables(String environment) {
        access.require(environment, Role.VIEWER, "see tables");
        return withUser(environment, connection -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select table_name from iasql_tables order by table_name");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }

    public TablePage page(String environment, String table, TableQuery query) {
        access.require(environment, Role.VIEWER, "see tables");
        return withUser(environment, connection -> {
            List<String> columns = columns(connection, environment, table);
            TablePageSql sql = new TablePageSql(table, columns);
            List<TablePage.Row> rows = new ArrayList<>();
            try (PreparedStatement select = prepared(connection, sql.page(query), sql.parameters(query));
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<String> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(result.getString(i + 2));
                    }
                    rows.add(new TablePage.Row(values, result.getString(1)));
                }
            }
            return new TablePage(table, columns, rows);
        });
    }

    /** How many rows the query's filter lets through (its offset and limit aside). */
    public long count(String environment, String table, TableQuery query) {
        access.require(environment, Role.VIEWER, "see tables");
        return withUser(environment, connection -> {
            TablePageSql sql = new TablePageSql(table, columns(connection, environment, table));
            try (PreparedStatement select = prepared(connection, sql.count(query), sql.parameters(query));
                 ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /** aws_regions: the default region and those the environment syncs. */
    public List<RegionRow> regions(String environment) {
        access.require(environment, Role.VIEWER, "see regions");
        return withUser(environment, connection -> {
            List<RegionRow> regions = new ArrayList<>();
            if (!isTable(connection, "aws_regions")) {
                return regions;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select region, is_default, is_enabled from aws_regions order by region");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    regions.add(new RegionRow(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)));
                }
            }
            return regions;
        });
    }

    /**
     * When a sync last changed a row, from the audit log. A sync that found the tables equal to the
     * cloud writes nothing, so this is the last sync that found a difference, not the last one run.
     */
    public Optional<java.time.Instant> lastSyncChange(String environment) {
        access.require(environment, Role.VIEWER, "see the audit log");
        return withUser(environment, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select max(ts) from iasql_audit_log where change_type = 'SYNC'");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp at = rows.getTimestamp(1);
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        });
    }

    /** The columns of a table that AWS cannot change in place: changing one replaces the resource. */
    public Set<String> replacedOn(String table) {
        access.caller();
        return ModuleCatalog.all().stream()
                .flatMap(module -> module.tables().stream())
                .filter(resourceTable -> resourceTable.name().equals(table))
                .findFirst()
                .map(resourceTable -> (Set<String>) new TreeSet<>(resourceTable.replacedOn()))
                .orElse(Set.of());
    }

    private static List<String> columns(Connection connection, String environment, String table) throws SQLException {
        if (!isTable(connection, table)) {
            throw new NotFoundException("Environment '" + environment + "' has no table '" + table
                    + "': install the module that has it.");
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static boolean isTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from iasql_tables where table_name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<String> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
        return statement;
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withUser(String environment, Read<T> read) {
        try (Connection connection = databases.openAsUser(environment)) {
            connection.setReadOnly(true);
            return read.apply(connection);
        } catch (SQLException e) {
            throw EnvironmentDatabases.unreachable(environment, e);
        }
    }
}
